package io.openclaw.hq.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Contract files between our services: a backend's tests record its REAL answer to a request the
 * gateway makes as {@code contracts/<service>/<name>.json}, and the gateway's tests replay those
 * files as their stubs, so a stub can never invent a shape the backend does not send.
 *
 * <p>{@link #record}: writes the file when it is missing, or rewrites it when the build runs with
 * {@code -Dcontracts.record=true}; otherwise checks that every field path of the stored body
 * (objects recursively, arrays by their first element) is still in the real answer with the same
 * JSON type, and fails naming each path that was dropped, renamed or changed type. Fields the
 * backend adds are allowed: a reader of the old file does not know them.
 */
public final class Contracts {

    public static final String RECORD_PROPERTY = "contracts.record";
    /** Where the files live; the repository's {@code contracts/} unless this property names another folder. */
    public static final String DIRECTORY_PROPERTY = "contracts.dir";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,80}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private Contracts() {
    }

    /** One recorded exchange: what was asked and what the backend answered. */
    public record Contract(String service, String method, String path, int status, JsonNode body) {

        /** The body as the backend sent it, ready for a stub. */
        public String bodyJson() {
            try {
                return COMPACT.writeValueAsString(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static void record(String service, String name, String method, String path, int status, String bodyJson) {
        record(directory(), Boolean.getBoolean(RECORD_PROPERTY), service, name, method, path, status, bodyJson);
    }

    public static Contract load(String service, String name) {
        return load(directory(), service, name);
    }

    static void record(Path root, boolean rewrite, String service, String name, String method, String path, int status,
            String bodyJson) {
        Path file = file(root, service, name);
        JsonNode body = parse(bodyJson, service + "/" + name + " (the real answer)");
        if (rewrite || !Files.exists(file)) {
            write(file, service, method, path, status, body);
            return;
        }
        Contract stored = load(root, service, name);
        List<String> broken = new ArrayList<>();
        if (!stored.method().equals(method) || !stored.path().equals(path)) {
            broken.add("request: stored " + stored.method() + " " + stored.path() + ", asked " + method + " " + path);
        }
        if (stored.status() != status) {
            broken.add("status: stored " + stored.status() + ", answered " + status);
        }
        compare("$", stored.body(), body, broken);
        if (!broken.isEmpty()) {
            throw new AssertionError("contract " + root.relativize(file) + " no longer holds (a reader of it would break; "
                    + "if the change is meant, tell the gateway and rerun with -D" + RECORD_PROPERTY + "=true):\n  "
                    + String.join("\n  ", broken));
        }
    }

    static Contract load(Path root, String service, String name) {
        Path file = file(root, service, name);
        if (!Files.exists(file)) {
            throw new IllegalStateException("no contract " + file + "; the backend's tests record it");
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return new Contract(node.path("service").asText(), node.path("method").asText(), node.path("path").asText(),
                    node.path("status").asInt(), node.path("body"));
        } catch (IOException e) {
            throw new UncheckedIOException("contract " + file, e);
        }
    }

    /** Every field path of {@code stored} must be in {@code actual} with the same type; arrays by their first element. */
    static void compare(String path, JsonNode stored, JsonNode actual, List<String> broken) {
        if (stored == null || stored.isNull() || stored.isMissingNode()) {
            return; // a null in the file says nothing about the type
        }
        if (actual == null || actual.isMissingNode()) {
            broken.add(path + ": missing (dropped or renamed)");
            return;
        }
        if (typeOf(stored) != typeOf(actual)) {
            broken.add(path + ": was " + typeName(stored) + ", is " + typeName(actual));
            return;
        }
        if (stored.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), broken);
            }
        } else if (stored.isArray() && !stored.isEmpty()) {
            if (actual.isEmpty()) {
                broken.add(path + "[]: empty in the answer, so its elements cannot be checked; record with data");
                return;
            }
            compare(path + "[0]", stored.get(0), actual.get(0), broken);
        }
    }

    private static JsonNodeType typeOf(JsonNode node) {
        // a number is a number whether the backend wrote 1 or 1.5
        return node.isNumber() ? JsonNodeType.NUMBER : node.getNodeType();
    }

    private static String typeName(JsonNode node) {
        return node.isNull() ? "null" : typeOf(node).name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void write(Path file, String service, String method, String path, int status, JsonNode body) {
        ObjectNode contract = JSON.createObjectNode();
        contract.put("service", service);
        contract.put("method", method);
        contract.put("path", path);
        contract.put("status", status);
        contract.set("body", body);
        try {
            Files.createDirectories(file.getParent());
            String text = JSON.writeValueAsString(contract) + "\n";
            CanarySecrets.assertNoLeak(text, "contract " + file);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("contract " + file, e);
        }
    }

    private static JsonNode parse(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static Path file(Path root, String service, String name) {
        if (!NAME.matcher(service).matches() || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("contract service and name are [a-z0-9_.-]: " + service + "/" + name);
        }
        return root.resolve(service).resolve(name + ".json");
    }

    static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("services/testing"))) {
                return dir.resolve("contracts");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root (mvnw beside services/testing) above " + Path.of("").toAbsolutePath());
    }
}
