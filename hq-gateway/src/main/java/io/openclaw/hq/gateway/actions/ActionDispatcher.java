package io.openclaw.hq.gateway.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.gateway.artifacts.ArtifactBrowser;
import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.AuditLog;
import io.openclaw.hq.gateway.auth.Principal;
import io.openclaw.hq.gateway.backends.BackendActions;
import io.openclaw.hq.gateway.backends.BackendJson;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.CredentialCheck;
import io.openclaw.hq.gateway.backends.Backends;
import io.openclaw.hq.gateway.backends.DisplayCache;
import io.openclaw.hq.gateway.panels.ActionPanels;
import io.openclaw.hq.gateway.panels.Panel;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.runs.RunAccepted;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Runs one allowlisted action: checks it and its params, audits the request, makes the one call
 * it maps to with who asked and how, audits the outcome with the run it started. An action that
 * takes time answers once the backend has recorded its run (202 RunAccepted); the work goes on
 * there. A dispatch that fails (service down, refused, busy, locked, not implemented) is recorded as a
 * gateway run, so nothing a person asked for is lost.
 */
@ApplicationScoped
public class ActionDispatcher {

    static final int MAX_JOURNAL_LINES = 500;
    static final int DEFAULT_JOURNAL_LINES = 20;
    /** The credential-check actions and the providers each may check; without params.provider, all of them. */
    static final java.util.Map<String, List<String>> CREDENTIAL_PROVIDERS = java.util.Map.of(
            "notify_credentials", List.of("pushover", "twilio"), "soma_credentials", List.of("kajabi", "gmail"));

    private final Backends backends;
    private final BackendActions actions;
    private final AuditLog audit;
    private final RunRecorder runs;
    private final ArtifactBrowser artifacts;
    private final DisplayCache cache;

    public ActionDispatcher(Backends backends, BackendActions actions, AuditLog audit, RunRecorder runs,
            ArtifactBrowser artifacts, DisplayCache cache) {
        this.backends = backends;
        this.actions = actions;
        this.audit = audit;
        this.runs = runs;
        this.artifacts = artifacts;
        this.cache = cache;
    }

    public ExecResult exec(String action, JsonNode params, RunTrigger trigger, Principal principal) {
        ActionSpec spec = ActionCatalog.find(action).orElse(null);
        Caller caller = ActionCaller.of(principal, trigger);
        if (spec == null) {
            auditEvent("action.request", "refused", principal, "unknown action '" + action + "' via " + trigger.wire());
            throw ProblemException.badRequest("unknown action '" + action + "'; allowed: "
                    + String.join(", ", ActionCatalog.names()));
        }
        int journalLines = checkParams(spec, params, principal, trigger);
        auditEvent("action.request", "accepted", principal, spec.name() + " → " + spec.serviceName() + " via "
                + trigger.wire() + " as " + caller.actor());
        try {
            if (spec.backend() == null) {
                List<String> areas = new ArrayList<>();
                JsonNode listed = artifacts.areasAsJson();
                listed.path("areas").forEach(a -> areas.add(a.asText()));
                auditEvent("action.outcome", "ok", principal, spec.name() + ": listed by the gateway");
                return new ExecResult(spec.name(), spec.serviceName(), null, listed, ActionPanels.artifactAreas(areas));
            }
            if (CREDENTIAL_PROVIDERS.containsKey(spec.name())) {
                return credentials(spec, providers(spec, params, principal, trigger), caller, principal);
            }
            return spec.startsRun() ? start(spec, caller, principal, trigger) : read(spec, journalLines, principal, trigger);
        } finally {
            if (spec.backend() != null) {
                // what the panels of this service show may have changed
                cache.clear(spec.serviceName());
            }
        }
    }

    private ExecResult start(ActionSpec spec, Caller caller, Principal principal, RunTrigger trigger) {
        BackendReply<RunAccepted> reply = switch (spec.name()) {
            case "doctor" -> actions.runDoctor(caller);
            case "apply" -> actions.heal("apply", caller);
            case "guard" -> actions.runGuard(caller);
            case "soma_snapshot_home" -> actions.somaSnapshot("Home User Library", caller);
            case "soma_snapshot_practitioner" -> actions.somaSnapshot("Practitioner Library", caller);
            case "soma_harvest" -> actions.somaHarvest(caller);
            case "soma_mirror" -> actions.somaMirror(caller);
            case "llm_doctor" -> actions.runLlmDoctor(caller);
            default -> throw new IllegalStateException("allowlisted action without a mapping: " + spec.name());
        };
        if (!reply.isOk()) {
            throw failed(spec, reply, caller, principal);
        }
        String runId = reply.value().runId();
        auditEvent("action.outcome", "ok", principal, spec.name() + " → " + spec.serviceName() + " run " + runId
                + " (/timeline/" + spec.serviceName() + "/" + runId + ") by " + caller.actor() + " via " + trigger.wire());
        return new ExecResult(spec.name(), spec.serviceName(), runId, BackendJson.tree(reply.value()), null);
    }

    private ExecResult read(ActionSpec spec, int journalLines, Principal principal, RunTrigger trigger) {
        Caller caller = ActionCaller.of(principal, trigger);
        BackendReply<?> reply;
        Panel view;
        switch (spec.name()) {
            case "ports" -> {
                var r = backends.doctorReports(1);
                reply = r;
                view = ActionPanels.ports(r);
            }
            case "timer" -> {
                var r = backends.guardStatus();
                reply = r;
                view = ActionPanels.timer(r);
            }
            case "journal" -> {
                var r = backends.guardLog(journalLines);
                reply = r;
                view = ActionPanels.journal(r);
            }
            case "sms_status" -> {
                var r = backends.notifyStatus();
                reply = r;
                view = ActionPanels.notify(r, backends.notifyDeliveries(10));
            }
            case "soma_status" -> {
                var r = backends.somaStatus();
                reply = r;
                view = ActionPanels.somaStatus(r);
            }
            default -> throw new IllegalStateException("allowlisted action without a mapping: " + spec.name());
        }
        if (!reply.isOk()) {
            throw failed(spec, reply, caller, principal);
        }
        auditEvent("action.outcome", "ok", principal, spec.name() + " → " + spec.serviceName() + " read");
        return new ExecResult(spec.name(), spec.serviceName(), null, BackendJson.tree(reply.value()), view);
    }

    private List<String> providers(ActionSpec spec, JsonNode params, Principal principal, RunTrigger trigger) {
        List<String> known = CREDENTIAL_PROVIDERS.get(spec.name());
        JsonNode provider = params == null ? null : params.get("provider");
        if (provider == null || provider.isNull()) {
            return known;
        }
        if (!provider.isTextual() || !known.contains(provider.asText())) {
            throw refusedParams(spec, principal, trigger, "params.provider must be one of " + String.join(", ", known));
        }
        return List.of(provider.asText());
    }

    /** Each provider's check, in order; the answer is the list of checks (a FAIL is a result, not an error). */
    private ExecResult credentials(ActionSpec spec, List<String> providers, Caller caller, Principal principal) {
        List<CredentialCheck> checks = new ArrayList<>();
        for (String provider : providers) {
            BackendReply<CredentialCheck> reply = spec.backend() == io.openclaw.hq.gateway.backends.Backend.NOTIFY
                    ? backends.notifyProviderCheck(provider) : backends.somaCredentialCheck(provider);
            if (!reply.isOk()) {
                throw failed(spec, reply, caller, principal);
            }
            checks.add(reply.value());
        }
        // the outcome names each provider's result and class: what the audit needs, no credential to hide
        auditEvent("action.outcome", "ok", principal, spec.name() + " → " + spec.serviceName() + ": " + String.join(", ",
                checks.stream().map(c -> c.provider() + " " + c.result() + (c.errorClass() == null ? "" : " " + c.errorClass()))
                        .toList()));
        return new ExecResult(spec.name(), spec.serviceName(), null, BackendJson.tree(checks),
                ActionPanels.credentialChecks(spec.label(), spec.serviceName(), checks));
    }

    private int checkParams(ActionSpec spec, JsonNode params, Principal principal, RunTrigger trigger) {
        if (params == null || params.isNull() || params.isMissingNode()) {
            return DEFAULT_JOURNAL_LINES;
        }
        if (!params.isObject()) {
            throw refusedParams(spec, principal, trigger, "params must be a JSON object");
        }
        Iterator<String> names = params.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!spec.params().contains(name)) {
                throw refusedParams(spec, principal, trigger, "action '" + spec.name() + "' takes no param '" + name + "'"
                        + (spec.params().isEmpty() ? "" : "; allowed: " + String.join(", ", spec.params())));
            }
        }
        JsonNode lines = params.get("lines");
        if (lines == null) {
            return DEFAULT_JOURNAL_LINES;
        }
        if (!lines.isInt() || lines.asInt() < 1 || lines.asInt() > MAX_JOURNAL_LINES) {
            throw refusedParams(spec, principal, trigger, "params.lines must be a whole number from 1 to "
                    + MAX_JOURNAL_LINES);
        }
        return lines.asInt();
    }

    private ProblemException refusedParams(ActionSpec spec, Principal principal, RunTrigger trigger, String why) {
        auditEvent("action.request", "refused", principal, spec.name() + " via " + trigger.wire() + ": " + why);
        return ProblemException.badRequest(why);
    }

    private DispatchFailedException failed(ActionSpec spec, BackendReply<?> reply, Caller caller, Principal principal) {
        int status;
        String title;
        String holder = null;
        String why;
        boolean refused;
        if (reply.isUnavailable()) {
            status = 503;
            title = "service unavailable";
            why = reply.reason() + (spec.startsRun() && reply.reason().contains("no answer in time")
                    ? " (it may still have recorded the run: look for it under Runs)" : "");
            refused = false;
        } else if (reply.status() == 409) {
            status = 409;
            title = "locked";
            JsonNode runId = reply.problem().path("runId");
            holder = runId.isTextual() ? runId.asText() : null;
            why = spec.serviceName() + " is busy: the resource is held by run " + (holder == null ? "(unknown)" : holder)
                    + "; try again when it has ended";
            refused = true;
        } else if (reply.status() == 429) {
            // busy, not broken: the backend refused more work for now (e.g. its pool of runs is full)
            status = 429;
            title = reply.problem().path("title").asText("").isBlank() ? "too many requests"
                    : reply.problem().path("title").asText();
            String when = DispatchFailedException.retryWhen(reply.retryAfter());
            why = reply.reason() + "; try again " + (when == null ? "when one of its runs has ended" : when);
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
        String gatewayRunId = recordGatewayRun(spec, caller, why, refused);
        auditEvent("action.outcome", refused ? "refused" : "failed", principal,
                spec.name() + " → " + spec.serviceName() + ": " + why + "; gateway run " + gatewayRunId);
        return new DispatchFailedException(status, title, why + " (recorded as gateway run " + gatewayRunId + ")",
                holder != null ? holder : gatewayRunId, gatewayRunId, status == 429 ? reply.retryAfter() : null);
    }

    private String recordGatewayRun(ActionSpec spec, Caller caller, String why, boolean refused) {
        RunRequest request = RunRequest.of("gateway", spec.name(), caller.trigger(), caller.actor())
                .withProject(spec.project());
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

    private void auditEvent(String event, String outcome, Principal principal, String detail) {
        audit.append(new AuditEvent(event, outcome, principal.actor(), principal.person(), principal.client(), detail));
    }
}
