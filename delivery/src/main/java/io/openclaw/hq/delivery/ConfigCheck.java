package io.openclaw.hq.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every config/<name>.json checked against the config/<name>.schema.json beside it. */
final class ConfigCheck {

    private ConfigCheck() {
    }

    /** One line per file: "name.json: valid" or its violations; files without a schema are named too. */
    static List<String> problems(Path configDir, List<String> checked) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(configDir)) {
            return problems;
        }
        try (Stream<Path> files = Files.list(configDir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".json") || name.endsWith(".schema.json")) {
                    continue;
                }
                Path schemaFile = configDir.resolve(name.substring(0, name.length() - 5) + ".schema.json");
                if (!Files.isRegularFile(schemaFile)) {
                    problems.add("config/" + name + ": no schema beside it (" + schemaFile.getFileName() + ")");
                    continue;
                }
                JsonNode document;
                JsonSchema schema;
                try {
                    document = Json.parse(Files.readString(file, StandardCharsets.UTF_8), "config/" + name);
                    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                            .getSchema(Json.parse(Files.readString(schemaFile, StandardCharsets.UTF_8), "config/" + schemaFile.getFileName()));
                } catch (Refusal e) {
                    problems.add(e.getMessage());
                    continue;
                }
                List<String> violations = Schemas.violations(schema, document);
                if (violations.isEmpty()) {
                    checked.add(name);
                } else {
                    problems.add("config/" + name + ": " + String.join("; ", violations));
                }
            }
        } catch (IOException e) {
            problems.add("config/: cannot be listed: " + e.getMessage());
        }
        return problems;
    }
}
