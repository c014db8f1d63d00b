package io.openclaw.hq.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The two schemas a review must fit: the router's verdict schema (built into this jar from
 * llm-router-service's own file, so both check the same thing) and the review record's.
 */
final class Schemas {

    static final Schemas INSTANCE = new Schemas();

    private final JsonSchema routerVerdict = load("router-schemas/review-verdict.schema.json");
    private final JsonSchema reviewRecord = load("delivery/review-record.schema.json");

    private Schemas() {
    }

    List<String> routerVerdictViolations(JsonNode verdict) {
        return violations(routerVerdict, verdict);
    }

    List<String> recordViolations(JsonNode record) {
        return violations(reviewRecord, record);
    }

    static List<String> violations(JsonSchema schema, JsonNode node) {
        return schema.validate(node).stream().map(m -> m.getMessage()).sorted().toList();
    }

    static JsonSchema load(String resource) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
