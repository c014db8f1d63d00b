package io.openclaw.hq.gateway.pages;

import io.openclaw.hq.gateway.actions.ActionCatalog;
import io.openclaw.hq.gateway.actions.ActionSpec;
import io.openclaw.hq.gateway.runs.RunView;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Computed values for the templates, so templates hold no logic. */
@TemplateExtension
public class PageExtensions {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** ok, warn, bad: the colour of a run's status. */
    static String tone(RunView run) {
        return switch (run.status()) {
            case "success" -> "ok";
            case "failure", "interrupted" -> "bad";
            default -> "warn";
        };
    }

    static String when(RunView run) {
        return run.startedAt() == null ? "—" : SHORT.format(run.startedAt());
    }

    static String duration(RunView run) {
        Long ms = run.durationMs();
        if (ms == null) {
            return run.isFinished() ? "—" : "running";
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return (ms / 60_000) + " min " + ((ms / 1000) % 60) + " s";
    }

    /** The action's label in words ("Run guard once"), or its name when it is not one of HQ's buttons. */
    static String actionLabel(RunView run) {
        if (run.action() == null) {
            return "run";
        }
        return ActionCatalog.find(run.action()).map(ActionSpec::label).orElse(run.action());
    }

    /** How the run was started, in words. */
    static String triggerWords(RunView run) {
        if (run.trigger() == null) {
            return "—";
        }
        return switch (run.trigger()) {
            case "web" -> "a button on HQ (web)";
            case "sms" -> "an SMS command (sms)";
            case "api" -> "an API client (api)";
            case "timer" -> "its schedule (timer)";
            default -> run.trigger();
        };
    }

    static String link(RunView run) {
        return "/timeline/" + run.service() + "/" + run.id();
    }

    static String formatted(Instant instant) {
        return instant == null ? "—" : SHORT.format(instant);
    }

    static String kib(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
