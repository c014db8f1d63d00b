package io.openclaw.hq.soma.kajabi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a JSON:API list: its {@code data}, its {@code included} resources and the link to
 * the next page. Reading is strict: a body that is not JSON, ends early, or lacks a member that
 * JSON:API requires fails naming the JSON path where it went wrong.
 */
public record JsonApiPage(List<JsonApiResource> data, List<JsonApiResource> included, String next) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static JsonApiPage parse(byte[] body, String source) {
        JsonNode root = readTree(body, source);
        if (!root.isObject()) {
            throw new KajabiException("Kajabi answer malformed at $: not a JSON object (" + source + ")");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new KajabiException("Kajabi answer malformed at $.data: missing or not an array (" + source + ")");
        }
        List<JsonApiResource> resources = resources(data, "$.data", source);
        JsonNode includedNode = root.get("included");
        List<JsonApiResource> included = List.of();
        if (includedNode != null && !includedNode.isNull()) {
            if (!includedNode.isArray()) {
                throw new KajabiException("Kajabi answer malformed at $.included: not an array (" + source + ")");
            }
            included = resources(includedNode, "$.included", source);
        }
        String next = null;
        JsonNode nextNode = root.path("links").get("next");
        if (nextNode != null && !nextNode.isNull()) {
            if (!nextNode.isTextual() || nextNode.asText().isBlank()) {
                throw new KajabiException("Kajabi answer malformed at $.links.next: not a link (" + source + ")");
            }
            next = nextNode.asText();
        }
        return new JsonApiPage(resources, included, next);
    }

    static JsonNode readTree(byte[] body, String source) {
        if (body.length == 0) {
            throw new KajabiException("Kajabi answer malformed at $: empty body (" + source + ")");
        }
        try (JsonParser parser = JSON.createParser(body)) {
            JsonNode root;
            try {
                root = JSON.readTree(parser);
                if (parser.nextToken() != null) {
                    throw new KajabiException("Kajabi answer malformed at $: content after the JSON document (" + source + ")");
                }
            } catch (JsonProcessingException e) {
                String where = jsonPath(parser.getParsingContext().pathAsPointer());
                String what = e.getOriginalMessage();
                // Jackson's own location text says nothing the path does not, and can be long
                for (String noise : new String[] {"\n", " (start marker", " at [Source"}) {
                    int cut = what.indexOf(noise);
                    what = cut > 0 ? what.substring(0, cut) : what;
                }
                throw new KajabiException("Kajabi answer malformed at " + where + ": " + what + " (" + source + ", "
                        + body.length + " bytes)");
            }
            if (root == null) {
                throw new KajabiException("Kajabi answer malformed at $: empty body (" + source + ")");
            }
            return root;
        } catch (IOException e) {
            throw new KajabiException("Kajabi answer unreadable (" + source + "): " + e.getClass().getSimpleName());
        }
    }

    /** {@code /data/0/attributes} as {@code $.data[0].attributes}. */
    static String jsonPath(JsonPointer pointer) {
        StringBuilder path = new StringBuilder("$");
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                path.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                path.append('.').append(p.getMatchingProperty());
            }
        }
        return path.toString();
    }

    private static List<JsonApiResource> resources(JsonNode array, String base, String source) {
        List<JsonApiResource> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String path = base + "[" + i + "]";
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                throw new KajabiException("Kajabi answer malformed at " + path + ": not a resource object (" + source + ")");
            }
            JsonNode id = item.get("id");
            JsonNode type = item.get("type");
            JsonNode attributes = item.get("attributes");
            if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
                throw new KajabiException("Kajabi answer malformed at " + path + ".id: missing or not a string (" + source + ")");
            }
            if (type == null || !type.isTextual()) {
                throw new KajabiException("Kajabi answer malformed at " + path + ".type: missing or not a string (" + source + ")");
            }
            if (attributes == null || !attributes.isObject()) {
                throw new KajabiException("Kajabi answer malformed at " + path + ".attributes: missing or not an object ("
                        + source + ")");
            }
            result.add(new JsonApiResource(type.asText(), id.asText(), attributes, item.get("relationships"), path, source));
        }
        return result;
    }
}
