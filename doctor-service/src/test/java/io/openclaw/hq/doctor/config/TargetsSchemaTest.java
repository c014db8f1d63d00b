package io.openclaw.hq.doctor.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** config/targets.schema.json as the service ships it: a target outside the tailnet is refused at validation. */
class TargetsSchemaTest {

    static final String FP = "SHA256:" + "A".repeat(43);
    static final ObjectMapper JSON = new ObjectMapper();
    static JsonSchema schema;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = TargetsSchemaTest.class.getClassLoader().getResourceAsStream("schemas/targets.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        }
    }

    static Set<ValidationMessage> validate(String host, String fingerprint, String extra) throws Exception {
        String doc = "{\"active\":\"vps\",\"targets\":{\"vps\":{\"host\":\"" + host + "\",\"port\":22,\"user\":\"root\","
                + "\"hostKeyFingerprint\":\"" + fingerprint + "\"" + extra + "}}}";
        return schema.validate(JSON.readTree(doc));
    }

    @ParameterizedTest(name = "{0} allowed={1}")
    @CsvSource({
            "100.64.0.1, true", "100.127.255.254, true", "100.100.7.42, true", "127.0.0.1, true", "::1, true",
            "100.63.255.255, false", "100.128.0.1, false", "8.8.8.8, false", "10.0.0.5, false", "0.0.0.0, false",
            "localhost, false", "vps.example.org, false", "100.64.0.256, false", "'', false"
    })
    void onlyTailnetAndLoopbackLiteralsAreTargets(String host, boolean allowed) throws Exception {
        Set<ValidationMessage> violations = validate(host, FP, "");
        assertThat(violations.isEmpty()).as(violations.toString()).isEqualTo(allowed);
        if (!allowed) {
            assertThat(violations).anyMatch(v -> v.getInstanceLocation().toString().endsWith("host"));
        }
    }

    @Test
    void theHostKeyFingerprintMustBeASha256Pin() throws Exception {
        assertThat(validate("100.64.0.1", "MD5:aa:bb", "")).isNotEmpty();
        assertThat(validate("100.64.0.1", "SHA256:short", "")).isNotEmpty();
    }

    @Test
    void unknownFieldsAreViolations() throws Exception {
        assertThat(validate("100.64.0.1", FP, ",\"password\":\"x\"")).anyMatch(v -> v.getMessage().contains("password"));
    }

    @Test
    void theRepositoryFileAndTheTestTemplateAreValid() throws Exception {
        for (Path file : new Path[] {Path.of("../config/targets.json"), Path.of("src/test/resources/config/targets.json")}) {
            JsonNode doc = JSON.readTree(file.toFile());
            assertThat(schema.validate(doc)).as(file.toString()).isEmpty();
        }
    }
}
