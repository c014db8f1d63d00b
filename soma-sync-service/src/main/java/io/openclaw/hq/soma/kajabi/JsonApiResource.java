package io.openclaw.hq.soma.kajabi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One JSON:API resource object as Kajabi sent it, with the JSON path it came from so that a
 * missing or mistyped field fails the run naming exactly where ({@code $.data[3].attributes.title}).
 */
public record JsonApiResource(String type, String id, JsonNode attributes, JsonNode relationships, String path,
        String source) {

    public String text(String attribute) {
        JsonNode value = attributes.get(attribute);
        if (value == null || !value.isTextual()) {
            throw malformed(path + ".attributes." + attribute, "missing or not a string");
        }
        return value.asText();
    }

    public Optional<String> optionalText(String attribute) {
        JsonNode value = attributes.get(attribute);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw malformed(path + ".attributes." + attribute, "not a string");
        }
        return Optional.of(value.asText());
    }

    public int integer(String attribute) {
        JsonNode value = attributes.get(attribute);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw malformed(path + ".attributes." + attribute, "missing or not an integer");
        }
        return value.asInt();
    }

    public Optional<Long> optionalLong(String attribute) {
        JsonNode value = attributes.get(attribute);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber()) {
            throw malformed(path + ".attributes." + attribute, "not an integer");
        }
        return Optional.of(value.asLong());
    }

    public boolean bool(String attribute) {
        JsonNode value = attributes.get(attribute);
        if (value == null || !value.isBoolean()) {
            throw malformed(path + ".attributes." + attribute, "missing or not true/false");
        }
        return value.asBoolean();
    }

    /** The id of a to-one relationship ({@code relationships.module.data.id}). */
    public String toOne(String relationship, String expectedType) {
        String where = path + ".relationships." + relationship + ".data";
        JsonNode data = relationships == null ? null : relationships.path(relationship).get("data");
        if (data == null || !data.isObject()) {
            throw malformed(where, "missing or not a resource identifier");
        }
        return identifier(data, where, expectedType);
    }

    /** The ids of a to-many relationship, in the order given; absent means none. */
    public List<String> toMany(String relationship, String expectedType) {
        String where = path + ".relationships." + relationship + ".data";
        JsonNode data = relationships == null ? null : relationships.path(relationship).get("data");
        List<String> ids = new ArrayList<>();
        if (data == null || data.isNull()) {
            return ids;
        }
        if (!data.isArray()) {
            throw malformed(where, "not an array of resource identifiers");
        }
        for (int i = 0; i < data.size(); i++) {
            ids.add(identifier(data.get(i), where + "[" + i + "]", expectedType));
        }
        return ids;
    }

    private String identifier(JsonNode data, String where, String expectedType) {
        JsonNode idNode = data.get("id");
        JsonNode typeNode = data.get("type");
        if (idNode == null || !(idNode.isTextual() || idNode.isIntegralNumber())) {
            throw malformed(where + ".id", "missing or not a string");
        }
        if (typeNode == null || !expectedType.equals(typeNode.asText())) {
            throw malformed(where + ".type", "expected \"" + expectedType + "\"");
        }
        return idNode.asText();
    }

    KajabiException malformed(String where, String what) {
        return new KajabiException("Kajabi answer malformed at " + where + ": " + what + " (" + source + ")");
    }
}
