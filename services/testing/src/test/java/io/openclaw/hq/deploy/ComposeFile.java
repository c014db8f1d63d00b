package io.openclaw.hq.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docker-compose.yml as data, with the Compose spec's alternative spellings folded into one form
 * (environment as a list or a map, volumes and ports in short or long syntax), so an invariant
 * cannot be dodged by writing the same thing another way. YAML anchors and merge keys are not
 * resolved: a service written with them shows up incomplete and fails the checks, closed.
 */
final class ComposeFile {

    /** One mount of a service, whatever syntax declared it. */
    record Mount(String type, String source, String target, boolean readOnly) {
    }

    private final JsonNode root;

    private ComposeFile(JsonNode root) {
        this.root = root;
    }

    static ComposeFile load(Path file) {
        try {
            return new ComposeFile(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    JsonNode root() {
        return root;
    }

    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        root.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The environment of a service, from either the map or the KEY=value list form. */
    Map<String, String> environment(String name) {
        JsonNode env = service(name).path("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env.isObject()) {
            env.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        } else if (env.isArray()) {
            for (JsonNode item : env) {
                String text = item.asText();
                int eq = text.indexOf('=');
                result.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        }
        return result;
    }

    List<Mount> mounts(String name) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode volume : service(name).path("volumes")) {
            if (volume.isTextual()) {
                mounts.add(shortMount(volume.asText()));
            } else {
                mounts.add(new Mount(volume.path("type").asText("volume"), volume.path("source").asText(""),
                        volume.path("target").asText(""), volume.path("read_only").asBoolean(false)));
            }
        }
        return mounts;
    }

    /** Published ports as "host_ip:published:target" (host_ip empty when none is given). */
    List<String> ports(String name) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service(name).path("ports")) {
            if (port.isTextual() || port.isNumber()) {
                List<String> parts = splitOutsideVariables(port.asText());
                if (parts.size() == 3) {
                    ports.add(port.asText());
                } else if (parts.size() == 2) {
                    ports.add(":" + port.asText());
                } else {
                    ports.add("::" + port.asText());
                }
            } else {
                ports.add(port.path("host_ip").asText("") + ":" + port.path("published").asText("") + ":"
                        + port.path("target").asText(""));
            }
        }
        return ports;
    }

    List<String> textList(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }

    /** Every scalar anywhere in the file, for checks that nothing mentions a thing at all. */
    List<String> allScalars() {
        List<String> scalars = new ArrayList<>();
        collect(root, scalars);
        return scalars;
    }

    private static void collect(JsonNode node, List<String> into) {
        if (node.isValueNode()) {
            into.add(node.asText());
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                into.add(field.getKey());
                collect(field.getValue(), into);
            }
        } else {
            node.forEach(child -> collect(child, into));
        }
    }

    private static Mount shortMount(String spec) {
        List<String> parts = splitOutsideVariables(spec);
        if (parts.size() == 1) {
            return new Mount("volume", "", parts.get(0), false);
        }
        String source = parts.get(0);
        boolean readOnly = parts.size() > 2 && List.of(parts.get(2).split(",")).contains("ro");
        String type = source.startsWith("/") || source.startsWith(".") || source.startsWith("~") || source.startsWith("$")
                ? "bind" : "volume";
        return new Mount(type, source, parts.get(1), readOnly);
    }

    /** Splits on ':' except inside ${...}, whose defaults (${X:-/a/b}) contain colons of their own. */
    static List<String> splitOutsideVariables(String spec) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '$' && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
