package io.openclaw.hq.platform.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.openclaw.hq.platform.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads an operator file from {@code config/} (JSON, or YAML by extension) and validates it
 * against its JSON Schema. The schema is the one shipped inside the service ({@code schemas/} on
 * the classpath, built from the repository's {@code config/*.schema.json}), so an operator cannot
 * loosen it by editing a file on the host. Every outcome is kept for the readiness check.
 */
@ApplicationScoped
public class ConfigFileLoader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final PlatformConfig config;
    private final Map<String, ConfigFileState> states = new ConcurrentHashMap<>();

    public ConfigFileLoader(PlatformConfig config) {
        this.config = config;
    }

    public <T> LoadedConfig<T> load(String fileName, Class<T> type) {
        return load(Path.of(config.config().dir()).resolve(fileName), fileName, type);
    }

    <T> LoadedConfig<T> load(Path file, String fileName, Class<T> type) {
        LoadedConfig<T> result = validateAndBind(file, fileName, type);
        states.put(fileName, new ConfigFileState(fileName, result.isValid(), result.violations(), Instant.now()));
        return result;
    }

    /** The last outcome per file, for readiness and status pages. */
    public Map<String, ConfigFileState> states() {
        return Map.copyOf(states);
    }

    private <T> LoadedConfig<T> validateAndBind(Path file, String fileName, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return LoadedConfig.invalid(fileName, List.of(new ConfigViolation("$", "file " + file + " is missing")));
        }
        ObjectMapper mapper = isYaml(fileName) ? YAML : JSON;
        JsonNode document;
        try {
            document = mapper.readTree(file.toFile());
        } catch (IOException e) {
            return LoadedConfig.invalid(fileName, List.of(new ConfigViolation("$", "not parseable: " + firstLine(e.getMessage()))));
        }
        if (document == null || document.isMissingNode()) {
            return LoadedConfig.invalid(fileName, List.of(new ConfigViolation("$", "file is empty")));
        }
        JsonSchema schema;
        try {
            schema = schemaFor(fileName);
        } catch (IOException | RuntimeException e) {
            return LoadedConfig.invalid(fileName, List.of(new ConfigViolation("$", "schema unavailable: " + firstLine(e.getMessage()))));
        }
        List<ConfigViolation> violations = schema.validate(document).stream()
                .map(ConfigFileLoader::toViolation)
                .sorted(Comparator.comparing(ConfigViolation::path).thenComparing(ConfigViolation::message))
                .toList();
        if (!violations.isEmpty()) {
            return LoadedConfig.invalid(fileName, violations);
        }
        try {
            return LoadedConfig.valid(fileName, JSON.treeToValue(document, type));
        } catch (IOException e) {
            // the schema let it through but the Java shape did not: still a refusal, never a default
            return LoadedConfig.invalid(fileName, List.of(new ConfigViolation("$", "does not bind: " + firstLine(e.getMessage()))));
        }
    }

    static String schemaResource(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        return "schemas/" + base + ".schema.json";
    }

    private static JsonSchema schemaFor(String fileName) throws IOException {
        String resource = schemaResource(fileName);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " on the classpath");
            }
            JsonNode schemaNode = JSON.readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
        }
    }

    private static ConfigViolation toViolation(ValidationMessage message) {
        String path = message.getInstanceLocation() == null ? "$" : message.getInstanceLocation().toString();
        String text = message.getMessage();
        // the library prefixes the message with the path; keep it once
        if (text.startsWith(path + ": ")) {
            text = text.substring(path.length() + 2);
        }
        return new ConfigViolation(path, text);
    }

    private static boolean isYaml(String fileName) {
        return fileName.endsWith(".yaml") || fileName.endsWith(".yml");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
