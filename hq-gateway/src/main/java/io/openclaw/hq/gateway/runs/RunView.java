package io.openclaw.hq.gateway.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A run as HQ shows it, read defensively from any service's RunRecord JSON: a missing or odd field
 * becomes null or empty rather than failing the whole feed. Same field names as RunRecord.
 */
@io.quarkus.qute.TemplateData
public record RunView(String id, String project, String service, String action, String trigger, String actor,
        String status, Instant startedAt, Instant finishedAt, Long durationMs, String summary, String error,
        List<String> artifacts, List<String> warnings, String parentRunId) {

    public static RunView from(JsonNode node, String fallbackService) {
        return new RunView(text(node, "id"), text(node, "project"),
                text(node, "service") == null ? fallbackService : text(node, "service"), text(node, "action"),
                text(node, "trigger"), text(node, "actor"), text(node, "status") == null ? "unknown" : text(node, "status"),
                instant(node, "startedAt"), instant(node, "finishedAt"),
                node.path("durationMs").isNumber() ? node.path("durationMs").asLong() : null,
                text(node, "summary"), text(node, "error"), strings(node.path("artifacts")), strings(node.path("warnings")),
                text(node, "parentRunId"));
    }

    /** The gateway's own runs, straight from its run store. */
    public static RunView from(io.openclaw.hq.platform.runs.RunRecord r) {
        return new RunView(r.id(), r.project(), r.service(), r.action(), r.trigger() == null ? null : r.trigger().wire(),
                r.actor(), r.status().wire(), r.startedAt(), r.finishedAt(), r.durationMs(), r.summary(), r.error(),
                r.artifacts(), r.warnings(), r.parentRunId());
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isFinished() {
        return !("running".equals(status) || "queued".equals(status));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isFailure() {
        return "failure".equals(status) || "interrupted".equals(status);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(item -> {
                if (item.isValueNode()) {
                    values.add(item.asText());
                }
            });
        }
        return values;
    }
}
