package io.openclaw.hq.gateway.panels;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.gateway.backends.BackendReply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a backend's typed answer into a panel, or into an unavailable / not-implemented one; and
 * the few words every panel shares (tones, labels for keys a contract leaves open).
 */
public final class PanelReader {

    static final int MAX_ROWS = 40;
    private static final Set<String> HIDDEN = Set.of("key", "apikey", "api_key", "token", "secret", "password", "value",
            "authorization");

    private PanelReader() {
    }

    /** The reply's panel, or an unavailable / not-implemented one. */
    public static <T> Panel panel(String title, BackendReply<T> reply, Function<T, Panel> ok) {
        String service = reply.backend().serviceName();
        if (reply.isUnavailable()) {
            return Panel.unavailable(title, service, reply.reason());
        }
        if (reply.isNotImplemented()) {
            return Panel.notImplemented(title, service);
        }
        if (!reply.isOk()) {
            return Panel.unavailable(title, service, reply.reason());
        }
        return ok.apply(reply.value());
    }

    /** The panel saying when its answer was fetched, and its age when older than {@code ttl}. */
    public static Panel dated(Panel panel, BackendReply<?> reply, Duration ttl, Instant now) {
        Duration age = Duration.between(reply.fetchedAt(), now);
        String ageText = age.compareTo(ttl) > 0 && age.toSeconds() >= 1 ? Words.age(age) : null;
        return panel.dated(Words.time(reply.fetchedAt()), ageText);
    }

    /**
     * Scalars of an object a contract leaves open (such as a channel's quota), one level of nesting,
     * with keys in words; fields whose name suggests a secret are never shown.
     */
    public static List<KeyValue> scalars(JsonNode node) {
        List<KeyValue> rows = new ArrayList<>();
        collect("", node, rows, 0);
        return rows;
    }

    private static void collect(String prefix, JsonNode node, List<KeyValue> rows, int depth) {
        if (node == null || !node.isObject() || depth > 1) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext() && rows.size() < MAX_ROWS) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (isHidden(field.getKey())) {
                continue;
            }
            String name = prefix + Words.label(field.getKey());
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.isNull()) {
                rows.add(new KeyValue(name, readable(value.asText()), tone(value.asText())));
            } else if (value.isObject()) {
                collect(name + ": ", value, rows, depth + 1);
            }
        }
    }

    /** An ISO instant as a time to the second; anything else as it is. */
    static String readable(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() >= 20 && value.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
            try {
                return Words.time(Instant.parse(value));
            } catch (java.time.format.DateTimeParseException notAnInstant) {
                return value;
            }
        }
        return value;
    }

    static boolean isHidden(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        return HIDDEN.contains(lower) || (lower.endsWith("key") && !lower.endsWith("haskey"))
                || lower.contains("secret") || lower.contains("password") || lower.endsWith("token");
    }

    /** ok / warn / bad from the words services use for states. */
    public static String tone(String value) {
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
        return switch (v) {
            case "pass", "ok", "up", "success", "healthy", "true", "green", "active", "valid", "closed", "sent",
                    "remediated" -> "ok";
            case "warn", "warning", "degraded", "yellow", "running", "queued", "skipped", "half_open", "half-open",
                    "suppressed", "dry_run", "sending", "locked" -> "warn";
            case "fail", "failed", "failure", "down", "error", "red", "false", "invalid", "interrupted", "refused", "open",
                    "missing_key", "not_configured", "remediation_failed" -> "bad";
            default -> "";
        };
    }
}
