package io.openclaw.hq.runner.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * contracts/runner-service/<name>.json from this service's real answers, in the shape COMMON.md
 * gives ({@code {"service","method","path","status","body"}}): written when missing or with
 * {@code -Dcontracts.record=true}; otherwise every field path of the stored body (objects
 * recursively, arrays by their first element) must still be in the real answer with the same JSON
 * type. A stand-in for services/testing's Contracts, which is not on this branch's base.
 */
public final class ContractFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SERVICE = "runner-service";

    private ContractFiles() {
    }

    public static void record(String name, String method, String path, int status, String bodyJson) {
        try {
            Path file = Path.of("..", "contracts", SERVICE, name + ".json");
            JsonNode body = JSON.readTree(bodyJson);
            if (!Files.exists(file) || Boolean.getBoolean("contracts.record")) {
                ObjectNode contract = JSON.createObjectNode();
                contract.put("service", SERVICE);
                contract.put("method", method);
                contract.put("path", path);
                contract.put("status", status);
                contract.set("body", body);
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(contract) + "\n");
                return;
            }
            JsonNode stored = JSON.readTree(file.toFile());
            assertThat(stored.get("status").asInt()).as("status of contract %s", name).isEqualTo(status);
            List<String> missing = new ArrayList<>();
            compare(stored.get("body"), body, "$", missing);
            assertThat(missing).as("contract %s: fields missing or of another type in the real answer", name).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compare(JsonNode expected, JsonNode actual, String where, List<String> missing) {
        if (expected == null || expected.isNull()) {
            return;
        }
        if (actual == null || actual.isMissingNode() || (!actual.isNull() && actual.getNodeType() != expected.getNodeType())) {
            missing.add(where + " (" + expected.getNodeType() + ")");
            return;
        }
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = actual.get(field.getKey());
                if (value == null) {
                    missing.add(where + "." + field.getKey());
                } else {
                    compare(field.getValue(), value, where + "." + field.getKey(), missing);
                }
            }
        } else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            compare(expected.get(0), actual.get(0), where + "[0]", missing);
        }
    }
}
