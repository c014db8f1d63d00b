package io.openclaw.hq.soma.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** config/soma.schema.json as the service ships it, against the operator's file and broken variants of it. */
class SomaSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static JsonSchema schema;
    static JsonNode shipped;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SomaSchemaTest.class.getClassLoader().getResourceAsStream("schemas/soma.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        }
        Path file = Path.of("").toAbsolutePath();
        while (!Files.exists(file.resolve("config/soma.json"))) {
            file = file.getParent();
        }
        shipped = JSON.readTree(file.resolve("config/soma.json").toFile());
    }

    static Set<ValidationMessage> validate(JsonNode doc) {
        return schema.validate(doc);
    }

    @Test
    void theShippedFileAndTheTestFileAreValidAndBind() throws Exception {
        assertThat(validate(shipped)).isEmpty();
        SomaFile file = JSON.treeToValue(shipped, SomaFile.class);
        assertThat(SomaSettings.crossChecks(file)).isEmpty();
        assertThat(file.product("Home User Library")).isPresent();
        assertThat(validate(JSON.readTree(Path.of("src/test/resources/config/soma.json").toFile()))).isEmpty();
    }

    @Test
    void unknownFieldsBadUrlsAndBadLimitsAreViolationsNamingTheirPath() {
        ObjectNode doc = shipped.deepCopy();
        ((ObjectNode) doc.get("kajabi")).put("baseUrl", "ftp://api.kajabi.com/");
        ((ObjectNode) doc.get("kajabi")).put("pageSize", 500);
        ((ObjectNode) doc.get("gmail")).put("password", "nope");
        ((ObjectNode) doc.get("schedule")).putArray("workflows").add("delete_everything");
        Set<ValidationMessage> violations = validate(doc);
        assertThat(violations).extracting(v -> v.getInstanceLocation().toString())
                .contains("$.kajabi.baseUrl", "$.kajabi.pageSize", "$.gmail", "$.schedule.workflows[0]");
    }

    @Test
    void theMirrorMustNameTwoConfiguredProducts() throws Exception {
        ObjectNode doc = shipped.deepCopy();
        ((ObjectNode) doc.get("mirror")).put("target", "advanced");
        SomaFile file = JSON.treeToValue(doc, SomaFile.class);
        assertThat(SomaSettings.crossChecks(file)).extracting(v -> v.path()).containsExactly("$.mirror.target");
    }
}
