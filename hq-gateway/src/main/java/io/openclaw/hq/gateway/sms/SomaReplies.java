package io.openclaw.hq.gateway.sms;

import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.SomaContract;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SMS answers that carry Soma's state rather than a started run: STATUS (each workflow's last
 * run in a word) and LAST_ERRORS (soma-sync-service's newest failed, interrupted or refused runs).
 * Short, since a reply is at most {@link SmsCommands#MAX_REPLY} characters.
 */
final class SomaReplies {

    static final int ERRORS = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private SomaReplies() {
    }

    static String status(SomaContract.Status status) {
        String workflows = status.workflows().stream()
                .filter(w -> !"nightly".equals(w.workflow()))
                .map(w -> (w.product() == null ? w.workflow() : "snapshot " + slugOf(w)) + " "
                        + (w.lastRun() == null ? "never run" : w.lastRun().status()))
                .collect(Collectors.joining(", "));
        String warnings = status.warnings().isEmpty() ? "" : "; " + status.warnings().size() + " warning(s): "
                + status.warnings().get(0);
        return "Soma: " + (status.configValid() ? "" : "CONFIG INVALID; ") + workflows + warnings;
    }

    static String lastErrors(BackendReply<List<SomaContract.Error>> reply) {
        if (!reply.isOk()) {
            return "FAILED LAST_ERRORS: " + reply.reason();
        }
        List<SomaContract.Error> errors = reply.value();
        if (errors.isEmpty()) {
            return "No Soma errors.";
        }
        return "Soma errors: " + errors.stream()
                .map(e -> e.action() + " " + e.status() + " " + (e.startedAt() == null ? "" : WHEN.format(e.startedAt()))
                        + " run " + e.runId() + ": " + (e.error() != null ? e.error() : e.summary()))
                .collect(Collectors.joining(" | "));
    }

    /** The action names the product by its slug (soma_snapshot_home → home). */
    private static String slugOf(SomaContract.Workflow w) {
        String action = w.action() == null ? "" : w.action();
        return action.startsWith("soma_snapshot_") ? action.substring("soma_snapshot_".length()) : w.product();
    }
}
