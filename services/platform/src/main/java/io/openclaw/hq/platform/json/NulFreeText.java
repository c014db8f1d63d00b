package io.openclaw.hq.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Deserializers that refuse text holding U+0000, for the three ways a body reaches a service:
 * a String field, a map key, and a JSON tree. The refusal is an {@link InvalidFormatException},
 * so the problem mapper names the field.
 */
final class NulFreeText {

    static final String REASON = "text must not contain the NUL character (U+0000)";

    private NulFreeText() {
    }

    static String checked(JsonParser p, String value) throws InvalidFormatException {
        if (value != null && value.indexOf('\0') >= 0) {
            throw InvalidFormatException.from(p, REASON, value.replace('\0', '?'), String.class);
        }
        return value;
    }

    static final class Strings extends StdDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return checked(p, StringDeserializer.instance.deserialize(p, ctxt));
        }
    }

    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(ctxt.getParser(), key);
        }
    }

    static final class Trees extends StdDeserializer<JsonNode> {

        Trees() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(p, ctxt);
            refuseNul(p, tree);
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }

        private static void refuseNul(JsonParser p, JsonNode node) throws InvalidFormatException {
            if (node.isTextual()) {
                checked(p, node.textValue());
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    checked(p, field.getKey());
                    refuseNul(p, field.getValue());
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    refuseNul(p, element);
                }
            }
        }
    }
}
