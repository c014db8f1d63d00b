package io.openclaw.hq.gateway.actions;

import io.openclaw.hq.gateway.artifacts.ArtifactBrowser;
import io.openclaw.hq.gateway.audit.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.Backends;
import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.auth.Principal;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;

/**
 * Runs one allowlisted action: checks it and its params, audits the request, makes the one call
 * it maps to, audits the outcome. A dispatch that fails (service down, refused, locked, not
 * implemented) is recorded as a gateway run, so nothing a person asked for is lost.
 */
@ApplicationScoped
public class ActionDispatcher {

    static final int MAX_JOURNAL_LINES = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Backends backends;
    private final AuditLog audit;
    private final RunRecorder runs;
    private final ArtifactBrowser artifacts;

    public ActionDispatcher(Backends backends, AuditLog audit, RunRecorder runs, ArtifactBrowser artifacts) {
        this.backends = backends;
        this.audit = audit;
        this.runs = runs;
        this.artifacts = artifacts;
    }

    public ExecResult exec(String action, JsonNode params, RunTrigger trigger, Principal caller) {
        ActionSpec spec = ActionCatalog.find(action).orElse(null);
        if (spec == null) {
            auditEvent("action.request", "refused", caller, "unknown action '" + action + "' via " + trigger.wire());
            throw ProblemException.badRequest("unknown action '" + action + "'; allowed: "
                    + String.join(", ", ActionCatalog.names()));
        }
        int journalLines = checkParams(spec, params, caller, trigger);
        auditEvent("action.request", "accepted", caller, spec.name() + " → " + spec.serviceName() + " via " + trigger.wire());
        if (spec.backend() == null) {
            ExecResult local = new ExecResult(spec.name(), spec.serviceName(), null, artifacts.areasAsJson());
            auditEvent("action.outcome", "ok", caller, spec.name() + ": listed by the gateway");
            return local;
        }
        BackendReply reply = call(spec, journalLines);
        if (reply.isOk()) {
            String runId = runIdIn(reply.body());
            auditEvent("action.outcome", "ok", caller, spec.name() + " → " + spec.serviceName()
                    + (runId == null ? "" : " run " + runId));
            return new ExecResult(spec.name(), spec.serviceName(), runId, reply.body());
        }
        throw failed(spec, reply, trigger, caller);
    }

    private int checkParams(ActionSpec spec, JsonNode params, Principal caller, RunTrigger trigger) {
        if (params == null || params.isNull() || params.isMissingNode()) {
            return 20;
        }
        if (!params.isObject()) {
            throw refusedParams(spec, caller, trigger, "params must be a JSON object");
        }
        Iterator<String> names = params.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!spec.params().contains(name)) {
                throw refusedParams(spec, caller, trigger, "action '" + spec.name() + "' takes no param '" + name + "'"
                        + (spec.params().isEmpty() ? "" : "; allowed: " + String.join(", ", spec.params())));
            }
        }
        JsonNode lines = params.get("lines");
        if (lines == null) {
            return 20;
        }
        if (!lines.isInt() || lines.asInt() < 1 || lines.asInt() > MAX_JOURNAL_LINES) {
            throw refusedParams(spec, caller, trigger, "params.lines must be a whole number from 1 to " + MAX_JOURNAL_LINES);
        }
        return lines.asInt();
    }

    private ProblemException refusedParams(ActionSpec spec, Principal caller, RunTrigger trigger, String why) {
        auditEvent("action.request", "refused", caller, spec.name() + " via " + trigger.wire() + ": " + why);
        return ProblemException.badRequest(why);
    }

    private BackendReply call(ActionSpec spec, int journalLines) {
        return switch (spec.name()) {
            case "doctor" -> backends.runDoctor();
            case "apply" -> backends.heal("apply");
            case "guard" -> backends.runGuard();
            case "ports" -> backends.doctorReports(1);
            case "timer" -> backends.guardStatus();
            case "journal" -> backends.guardLog(journalLines);
            case "soma_snapshot_home" -> backends.somaSnapshot("Home User Library");
            case "soma_snapshot_practitioner" -> backends.somaSnapshot("Practitioner Library");
            case "soma_harvest" -> backends.somaHarvest();
            case "soma_mirror" -> backends.somaMirror();
            case "soma_status" -> backends.somaStatus();
            case "sms_status" -> backends.notifyStatus();
            case "llm_doctor" -> backends.runLlmDoctor();
            default -> throw new IllegalStateException("allowlisted action without a mapping: " + spec.name());
        };
    }

    private DispatchFailedException failed(ActionSpec spec, BackendReply reply, RunTrigger trigger, Principal caller) {
        int status;
        String title;
        String holder = null;
        String why;
        boolean refused;
        if (reply.isUnavailable()) {
            status = 503;
            title = "service unavailable";
            why = reply.reason();
            refused = false;
        } else if (reply.status() == 409) {
            status = 409;
            title = "locked";
            holder = runIdIn(reply.body());
            why = spec.serviceName() + " is busy: resource held by run " + (holder == null ? "(unknown)" : holder);
            refused = true;
        } else if (reply.isNotImplemented()) {
            status = 501;
            title = "not implemented";
            why = spec.serviceName() + " does not offer '" + spec.name() + "' yet (404)";
            refused = false;
        } else {
            status = 502;
            title = "refused by " + spec.serviceName();
            why = reply.reason();
            refused = reply.status() == 403;
        }
        String gatewayRunId = recordGatewayRun(spec, trigger, caller, why, refused);
        auditEvent("action.outcome", refused ? "refused" : "failed", caller,
                spec.name() + " → " + spec.serviceName() + ": " + why + "; gateway run " + gatewayRunId);
        return new DispatchFailedException(status, title, why + " (recorded as gateway run " + gatewayRunId + ")",
                holder != null ? holder : gatewayRunId, gatewayRunId);
    }

    private String recordGatewayRun(ActionSpec spec, RunTrigger trigger, Principal caller, String why, boolean refused) {
        RunRequest request = RunRequest.of("gateway", spec.name(), trigger, caller.actor()).withProject(spec.project());
        try (RunHandle run = runs.start(request)) {
            run.log("dispatch of '" + spec.name() + "' to " + spec.serviceName() + " failed: " + why);
            if (refused) {
                run.refuse(why);
            } else {
                run.fail("dispatch to " + spec.serviceName() + " failed", why);
            }
            return run.id();
        }
    }

    private void auditEvent(String event, String outcome, Principal caller, String detail) {
        audit.append(new AuditEvent(event, outcome, caller.actor(), caller.person(), caller.client(), detail));
    }

    /** A backend's answer may name its run as {@code id}, {@code runId} or {@code run.id}. */
    static String runIdIn(JsonNode body) {
        for (JsonNode candidate : new JsonNode[] {body.path("runId"), body.path("id"), body.path("run").path("id")}) {
            if (candidate.isTextual() && candidate.asText().matches("[A-Za-z0-9_-]{1,64}")) {
                return candidate.asText();
            }
        }
        return null;
    }

}
