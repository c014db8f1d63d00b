package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.runs.RunAccepted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The calls that start work in a backend. Each answers {@code 202 RunAccepted} once the backend
 * has recorded the run; the work then goes on there. These clients have their own settings (a
 * longer timeout to get the 202, {@code quarkus.rest-client.*-actions}) and no circuit breaker, so
 * a slow action never opens the breaker the panels depend on. Every call names who asked and how
 * ({@code X-HQ-Actor}, {@code X-HQ-Trigger}) besides the internal token.
 */
@ApplicationScoped
public class BackendActions {

    private static final Logger LOG = Logger.getLogger(BackendActions.class);

    private final DoctorActionsApi doctor;
    private final LlmActionsApi llm;
    private final SomaActionsApi soma;

    public BackendActions(@RestClient DoctorActionsApi doctor, @RestClient LlmActionsApi llm,
            @RestClient SomaActionsApi soma) {
        this.doctor = doctor;
        this.llm = llm;
        this.soma = soma;
    }

    public BackendReply<RunAccepted> runDoctor(Caller caller) {
        return accepted(Backend.DOCTOR, () -> doctor.runDoctor(caller.actor(), caller.trigger().wire()));
    }

    public BackendReply<RunAccepted> runGuard(Caller caller) {
        return accepted(Backend.DOCTOR, () -> doctor.runGuard(caller.actor(), caller.trigger().wire()));
    }

    public BackendReply<RunAccepted> heal(String mode, Caller caller) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("mode", mode);
        return accepted(Backend.DOCTOR, () -> doctor.heal(caller.actor(), caller.trigger().wire(), body));
    }

    public BackendReply<RunAccepted> runLlmDoctor(Caller caller) {
        return accepted(Backend.LLM, () -> llm.runDoctor(caller.actor(), caller.trigger().wire()));
    }

    public BackendReply<RunAccepted> somaSnapshot(String product, Caller caller) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("product", product);
        return accepted(Backend.SOMA, () -> soma.snapshot(caller.actor(), caller.trigger().wire(), body));
    }

    public BackendReply<RunAccepted> somaHarvest(Caller caller) {
        return accepted(Backend.SOMA, () -> soma.harvest(caller.actor(), caller.trigger().wire(),
                JsonNodeFactory.instance.objectNode()));
    }

    public BackendReply<RunAccepted> somaMirror(Caller caller) {
        return accepted(Backend.SOMA, () -> soma.mirror(caller.actor(), caller.trigger().wire(),
                JsonNodeFactory.instance.objectNode()));
    }

    private static BackendReply<RunAccepted> accepted(Backend backend, Supplier<Response> call) {
        BackendReply<JsonNode> reply = Backends.guarded(backend, () -> BackendCalls.invoke(backend, call));
        BackendReply<RunAccepted> typed = Backends.read(reply, new com.fasterxml.jackson.core.type.TypeReference<>() {
        });
        if (typed.isOk() && (typed.value() == null || typed.value().runId() == null)) {
            LOG.warnf("%s accepted an action without naming its run", backend.serviceName());
            return BackendReply.unavailable(backend, "accepted the action without naming its run (no runId)");
        }
        return typed;
    }
}
