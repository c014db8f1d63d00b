package io.openclaw.hq.gateway.panels;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.gateway.backends.BackendReply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns backend answers into panels. The backends' bodies may differ from what the gateway
 * expects, so everything is read defensively: known field names first, then whatever scalars are
 * there, never a failure. Fields whose name suggests a secret are never shown.
 */
public final class PanelReader {

    static final int MAX_ROWS = 40;
    private static final Set<String> HIDDEN = Set.of("key", "apikey", "api_key", "token", "secret", "password", "value",
            "authorization");

    private PanelReader() {
    }

    /** The reply's panel, or an unavailable / not-implemented one. */
    public static Panel panel(String title, BackendReply reply, Function<JsonNode, Panel> ok) {
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
        try {
            return ok.apply(reply.body());
        } catch (RuntimeException e) {
            return Panel.unavailable(title, service, "answer not understood");
        }
    }

    /** Scalars of an object, one level of nesting as {@code a.b}. */
    public static List<KeyValue> scalars(JsonNode node) {
        List<KeyValue> rows = new ArrayList<>();
        collect("", node, rows, 0);
        return rows;
    }

    private static void collect(String prefix, JsonNode node, List<KeyValue> rows, int depth) {
        if (!node.isObject() || depth > 1) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext() && rows.size() < MAX_ROWS) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix + field.getKey();
            if (isHidden(field.getKey())) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.isNull()) {
                rows.add(new KeyValue(name, value.asText(), tone(value.asText())));
            } else if (value.isObject()) {
                collect(name + ".", value, rows, depth + 1);
            } else if (value.isArray() && value.size() <= 10 && allScalars(value)) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asText()));
                rows.add(new KeyValue(name, String.join(", ", items), ""));
            }
        }
    }

    static boolean isHidden(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        return HIDDEN.contains(lower) || (lower.endsWith("key") && !lower.endsWith("haskey"))
                || lower.contains("secret") || lower.contains("password") || lower.endsWith("token");
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** ok / warn / bad from the words services use for states. */
    public static String tone(String value) {
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
        return switch (v) {
            case "pass", "ok", "up", "success", "healthy", "true", "green", "active", "valid", "configured" -> "ok";
            case "warn", "warning", "degraded", "yellow", "running", "queued", "skipped" -> "warn";
            case "fail", "failed", "failure", "down", "error", "red", "false", "invalid", "interrupted", "refused" -> "bad";
            default -> "";
        };
    }

    /** The first array found at the root or under one of {@code names}. */
    public static JsonNode array(JsonNode body, String... names) {
        if (body.isArray()) {
            return body;
        }
        for (String name : names) {
            if (body.path(name).isArray()) {
                return body.path(name);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The first text among {@code names}. */
    public static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    public static double number(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isNumber()) {
                return value.asDouble();
            }
            if (value.isTextual()) {
                try {
                    return Double.parseDouble(value.asText());
                } catch (NumberFormatException ignored) {
                    // try the next name
                }
            }
        }
        return 0;
    }
}
