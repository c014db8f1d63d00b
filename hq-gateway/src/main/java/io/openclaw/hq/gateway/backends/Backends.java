package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Every backend call the gateway makes, each answering a {@link BackendReply} and never throwing:
 * a service that is down, slow or behind an open breaker becomes {@code UNAVAILABLE}.
 */
@ApplicationScoped
public class Backends {

    private static final Logger LOG = Logger.getLogger(Backends.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DoctorClient doctor;
    private final LlmClient llm;
    private final NotifyClient notify;
    private final SomaClient soma;
    private final RunnerClient runner;

    public Backends(DoctorClient doctor, LlmClient llm, NotifyClient notify, SomaClient soma, RunnerClient runner) {
        this.doctor = doctor;
        this.llm = llm;
        this.notify = notify;
        this.soma = soma;
        this.runner = runner;
    }

    // ---- the run feed every service has

    public BackendReply runs(Backend backend, String since, int limit) {
        return guarded(backend, () -> clientOf(backend).call(api -> api.runs(since, limit)));
    }

    public BackendReply run(Backend backend, String id) {
        return guarded(backend, () -> clientOf(backend).call(api -> api.run(id)));
    }

    public BackendReply runLog(Backend backend, String id, int after) {
        return guarded(backend, () -> clientOf(backend).call(api -> api.runLog(id, after)));
    }

    private BackendClient<? extends RunsApi> clientOf(Backend backend) {
        return switch (backend) {
            case DOCTOR -> doctor;
            case LLM -> llm;
            case NOTIFY -> notify;
            case SOMA -> soma;
            case RUNNER -> runner;
        };
    }

    // ---- what the pages show

    public BackendReply doctorReports(int limit) {
        return guarded(Backend.DOCTOR, () -> doctor.call(api -> api.reports(limit)));
    }

    public BackendReply doctorHistory(int days) {
        return guarded(Backend.DOCTOR, () -> doctor.call(api -> api.history(days)));
    }

    public BackendReply guardStatus() {
        return guarded(Backend.DOCTOR, () -> doctor.call(DoctorApi::guardStatus));
    }

    public BackendReply guardLog(int lines) {
        return guarded(Backend.DOCTOR, () -> doctor.call(api -> api.guardLog(lines)));
    }

    public BackendReply llmStatus() {
        return guarded(Backend.LLM, () -> llm.call(LlmApi::status));
    }

    public BackendReply llmSpend(int days) {
        return guarded(Backend.LLM, () -> llm.call(api -> api.spend(days)));
    }

    public BackendReply notifyStatus() {
        return guarded(Backend.NOTIFY, () -> notify.call(NotifyApi::status));
    }

    public BackendReply notifyDeliveries(int limit) {
        return guarded(Backend.NOTIFY, () -> notify.call(api -> api.deliveries(limit)));
    }

    public BackendReply somaStatus() {
        return guarded(Backend.SOMA, () -> soma.call(SomaApi::status));
    }

    // ---- the work the allowlisted actions start

    public BackendReply runDoctor() {
        return guarded(Backend.DOCTOR, () -> doctor.call(api -> api.runDoctor(JSON.createObjectNode())));
    }

    public BackendReply runGuard() {
        return guarded(Backend.DOCTOR, () -> doctor.call(api -> api.runGuard(JSON.createObjectNode())));
    }

    public BackendReply heal(String mode) {
        ObjectNode body = JSON.createObjectNode().put("mode", mode);
        return guarded(Backend.DOCTOR, () -> doctor.call(api -> api.heal(body)));
    }

    public BackendReply runLlmDoctor() {
        return guarded(Backend.LLM, () -> llm.call(api -> api.runDoctor(JSON.createObjectNode())));
    }

    public BackendReply somaSnapshot(String product) {
        ObjectNode body = JSON.createObjectNode().put("product", product);
        return guarded(Backend.SOMA, () -> soma.call(api -> api.snapshot(body)));
    }

    public BackendReply somaHarvest() {
        return guarded(Backend.SOMA, () -> soma.call(api -> api.harvest(JSON.createObjectNode())));
    }

    public BackendReply somaMirror() {
        return guarded(Backend.SOMA, () -> soma.call(api -> api.mirror(JSON.createObjectNode())));
    }

    private static BackendReply guarded(Backend backend, Supplier<BackendReply> call) {
        try {
            return call.get();
        } catch (CircuitBreakerOpenException e) {
            return BackendReply.unavailable(backend, "recent calls failed; retrying in a few seconds");
        } catch (BackendUnavailableException e) {
            return BackendReply.unavailable(backend, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("%s: unexpected failure %s", backend.serviceName(), e.getClass().getSimpleName());
            return BackendReply.unavailable(backend, BackendCalls.describe(e));
        }
    }
}
