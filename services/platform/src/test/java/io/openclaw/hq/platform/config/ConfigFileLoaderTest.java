package io.openclaw.hq.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileLoaderTest {

    record Limits(double maxUsd, List<String> hosts) {
    }

    record Sample(String name, Limits limits) {
    }

    private final ConfigFileLoader loader = new ConfigFileLoader(null);
    private static final Path CASES = Path.of("src/test/resources/config-cases");

    @Test
    void validJsonBindsToItsType() {
        LoadedConfig<Sample> loaded = loader.load(CASES.resolve("valid/sample.json"), "sample.json", Sample.class);
        assertThat(loaded.isValid()).isTrue();
        assertThat(loaded.require().limits().hosts()).containsExactly("100.64.0.1");
    }

    @Test
    void validYamlIsCheckedAgainstTheSameSchema() {
        LoadedConfig<Sample> loaded = loader.load(CASES.resolve("valid/sample.yaml"), "sample.yaml", Sample.class);
        assertThat(loaded.isValid()).as("violations %s", loaded.violations()).isTrue();
        assertThat(loaded.require().limits().maxUsd()).isEqualTo(2.0);
    }

    @Test
    void everyViolationIsListedByPathUnknownFieldsIncluded() {
        LoadedConfig<Sample> loaded = loader.load(Path.of("src/test/resources/config/sample.json"), "sample.json",
                Sample.class);
        assertThat(loaded.isValid()).isFalse();
        assertThat(loaded.violations()).extracting(ConfigViolation::path)
                .contains("$", "$.name", "$.limits.maxUsd", "$.limits.hosts[0]");
        assertThat(loaded.violations()).anySatisfy(v -> assertThat(v.message()).contains("debug"));
        assertThatThrownBy(loaded::require).isInstanceOf(ConfigInvalidException.class)
                .hasMessageContaining("sample.json");
    }

    @Test
    void aMissingFileIsAViolationNotADefault(@TempDir Path dir) {
        LoadedConfig<Sample> loaded = loader.load(dir.resolve("sample.json"), "sample.json", Sample.class);
        assertThat(loaded.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("missing"));
        assertThat(loaded.value()).isEmpty();
    }

    @Test
    void unparseableJsonIsAViolation(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sample.json"), "{\"name\": \"vps\", ");
        LoadedConfig<Sample> loaded = loader.load(file, "sample.json", Sample.class);
        assertThat(loaded.violations()).singleElement().satisfies(v -> assertThat(v.message()).startsWith("not parseable"));
    }

    @Test
    void aFileWithoutAShippedSchemaIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("unknown.json"), "{}");
        LoadedConfig<Sample> loaded = loader.load(file, "unknown.json", Sample.class);
        assertThat(loaded.violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("schemas/unknown.schema.json"));
    }
}
