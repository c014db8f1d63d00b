package io.openclaw.hq.gateway.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.openclaw.hq.gateway.actions.ActionCatalog;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped config/projects.json against its schema, and what the schema refuses. */
class ProjectsSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CONFIG = Path.of("..", "config");

    private static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(CONFIG.resolve("projects.schema.json").toFile()));
    }

    private static ObjectNode shipped() throws Exception {
        return (ObjectNode) JSON.readTree(CONFIG.resolve("projects.json").toFile());
    }

    @Test
    void shippedFileIsValidAndHoldsTheReferencesFourProjects() throws Exception {
        JsonNode file = shipped();
        assertThat(schema().validate(file)).isEmpty();
        ProjectsFile bound = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .treeToValue(file, ProjectsFile.class);
        assertThat(bound.projects()).extracting("id").containsExactly("infra_openclaw", "soma_kajabi_library_ownership",
                "clip_factory_monitoring", "music_pipeline");
        bound.projects().forEach(p -> p.actions().forEach(a -> assertThat(ActionCatalog.find(a)).as(a).isPresent()));
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                Arguments.of("unknown top-level field", (Consumer<ObjectNode>) f -> f.put("extra", 1)),
                Arguments.of("unknown project field", (Consumer<ObjectNode>) f -> project(f).put("owner", "x")),
                Arguments.of("action outside the allowlist", (Consumer<ObjectNode>) f -> ((ArrayNode) project(f).get("actions")).add("shell")),
                Arguments.of("bad id", (Consumer<ObjectNode>) f -> project(f).put("id", "Infra OpenClaw")),
                Arguments.of("unknown service", (Consumer<ObjectNode>) f -> ((ArrayNode) project(f).get("services")).add("evil-service")),
                Arguments.of("schedule interval not ISO", (Consumer<ObjectNode>) f -> ((ObjectNode) project(f).get("schedules").get(0)).put("every", "10m")),
                Arguments.of("no projects", (Consumer<ObjectNode>) f -> f.putArray("projects")),
                Arguments.of("missing name", (Consumer<ObjectNode>) f -> project(f).remove("name")));
    }

    private static ObjectNode project(ObjectNode file) {
        return (ObjectNode) file.get("projects").get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void refused(String name, Consumer<ObjectNode> breakage) throws Exception {
        ObjectNode file = shipped();
        breakage.accept(file);
        assertThat(schema().validate(file)).as(name).isNotEmpty();
    }
}
