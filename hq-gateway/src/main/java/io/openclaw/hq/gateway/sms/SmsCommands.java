package io.openclaw.hq.gateway.sms;

import io.openclaw.hq.gateway.actions.ActionDispatcher;
import io.openclaw.hq.gateway.actions.DispatchFailedException;
import io.openclaw.hq.gateway.actions.ExecResult;
import io.openclaw.hq.gateway.auth.Principal;
import io.openclaw.hq.gateway.backends.BackendJson;
import io.openclaw.hq.gateway.backends.Backends;
import io.openclaw.hq.gateway.backends.SomaContract;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.RunTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;

/**
 * The SMS commands of the reference. Each maps onto the same allowlisted action a button starts:
 * the RUN_ ones answer with the run they started, STATUS with Soma's state in a line; LAST_ERRORS
 * reads soma-sync-service's newest failed runs ({@code GET /soma/errors}). Anything else gets the help text.
 */
@ApplicationScoped
public class SmsCommands {

    static final Map<String, String> ACTIONS = Map.of(
            "STATUS", "soma_status",
            "RUN_SNAPSHOT", "soma_snapshot_home",
            "RUN_HARVEST", "soma_harvest",
            "RUN_MIRROR", "soma_mirror");
    public static final String HELP = "OpenClaw HQ commands: STATUS, RUN_SNAPSHOT, RUN_HARVEST, RUN_MIRROR, LAST_ERRORS";
    static final int MAX_REPLY = 320;

    private final ActionDispatcher dispatcher;
    private final Backends backends;

    public SmsCommands(ActionDispatcher dispatcher, Backends backends) {
        this.dispatcher = dispatcher;
        this.backends = backends;
    }

    /** The command word, upper case, or empty when the body is not one of the commands. */
    public static String commandOf(String body) {
        String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        return ACTIONS.containsKey(word) || "LAST_ERRORS".equals(word) ? word : "";
    }

    /** Runs the command and answers the text to send back. */
    public String handle(String command, Principal sender) {
        if ("LAST_ERRORS".equals(command)) {
            return clip(SomaReplies.lastErrors(backends.somaErrors(SomaReplies.ERRORS)));
        }
        String action = ACTIONS.get(command);
        try {
            ExecResult result = dispatcher.exec(action, null, RunTrigger.SMS, sender);
            if ("STATUS".equals(command)) {
                return clip(SomaReplies.status(BackendJson.read(result.result(), SomaContract.Status.class)));
            }
            return clip("OK " + command + " → " + result.service() + (result.runId() == null ? "" : " run " + result.runId()));
        } catch (DispatchFailedException e) {
            return clip("FAILED " + command + ": " + e.title() + " (gateway run " + e.gatewayRunId() + ")");
        } catch (ProblemException e) {
            return clip("FAILED " + command + ": " + e.getMessage());
        }
    }

    static String clip(String text) {
        return text.length() <= MAX_REPLY ? text : text.substring(0, MAX_REPLY - 1) + "…";
    }
}
