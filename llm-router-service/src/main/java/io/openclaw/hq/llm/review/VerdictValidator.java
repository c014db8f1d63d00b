package io.openclaw.hq.llm.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Checks a verdict against {@code schemas/review-verdict.schema.json}: a verdict that does not fit
 * (missing gate, unknown field, APPROVED with a failed gate) is a failure, never an approval.
 */
@ApplicationScoped
public class VerdictValidator {

    static final String SCHEMA = "schemas/review-verdict.schema.json";

    private final JsonSchema schema;

    public VerdictValidator() {
        try (InputStream in = VerdictValidator.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the classpath");
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation, each as "path: message"; empty when the verdict fits. */
    public List<String> violations(JsonNode verdict) {
        return schema.validate(verdict).stream()
                .map(m -> m.getMessage())
                .sorted()
                .toList();
    }
}
