package io.openclaw.hq.soma.support;

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
 * contracts/soma-sync-service/&lt;name&gt;.json, recorded from this service's real answers as
 * COMMON.md describes ({@code {"service","method","path","status","body"}}). services/testing's
 * {@code Contracts} is not on this base yet, so this does the same job: writes the file when it is
 * missing or {@code -Dcontracts.record=true}, otherwise checks that every field path of the stored
 * body (arrays by their first element) is still in the real answer with the same JSON type.
 */
public final class ContractFiles {

    public static final String SERVICE = "soma-sync-service";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ContractFiles() {
    }

    public static void record(String name, String method, String path, int status, String bodyJson) {
        try {
            Path file = repositoryRoot().resolve("contracts").resolve(SERVICE).resolve(name + ".json");
            JsonNode body = JSON.readTree(bodyJson);
            if (!Files.exists(file) || Boolean.getBoolean("contracts.record")) {
                ObjectNode contract = JSON.createObjectNode().put("service", SERVICE).put("method", method).put("path", path)
                        .put("status", status);
                contract.set("body", body);
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(contract) + "\n");
                return;
            }
            JsonNode stored = JSON.readTree(file.toFile());
            assertThat(stored.path("status").asInt()).as("status of %s", name).isEqualTo(status);
            List<String> problems = new ArrayList<>();
            compare("$", stored.path("body"), body, problems);
            assertThat(problems).as("contract %s no longer holds", file).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compare(String path, JsonNode stored, JsonNode real, List<String> problems) {
        if (stored.isNull()) {
            return; // a null in the recording says nothing of the type
        }
        if (real == null || real.isMissingNode()) {
            problems.add(path + " is missing");
            return;
        }
        if (real.isNull()) {
            return; // a nullable field that is empty in this answer
        }
        if (stored.getNodeType() != real.getNodeType()) {
            problems.add(path + " was " + stored.getNodeType() + ", is " + real.getNodeType());
            return;
        }
        if (stored.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(path + "." + field.getKey(), field.getValue(), real.get(field.getKey()), problems);
            }
        } else if (stored.isArray() && stored.size() > 0 && real.isArray() && real.size() > 0) {
            compare(path + "[0]", stored.get(0), real.get(0), problems);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
