package io.openclaw.hq.llm.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.platform.PlatformConfig;
import io.openclaw.hq.platform.config.ConfigFileLoader;
import io.openclaw.hq.platform.config.ConfigViolation;
import io.openclaw.hq.platform.config.LoadedConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped config/llm.json is valid, and each of these breakages of it is refused with a
 * violation at the right place: through the platform's real loader and the shipped schema (the
 * build's copy under schemas/), then the router's own rules.
 */
class LlmConfigValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHIPPED = Path.of("..", "config", "llm.json");

    @TempDir
    Path dir;

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                bad("unknown top-level field", c -> c.put("surprise", true), "$", "surprise"),
                bad("enabledProviders missing", c -> c.remove("enabledProviders"), "$", "enabledProviders"),
                bad("openai not enabled", c -> c.set("enabledProviders", JSON.createArrayNode().add("mistral")),
                        "$.enabledProviders", ""),
                bad("unknown provider enabled", c -> ((ArrayNode) c.get("enabledProviders")).add("anthropic"),
                        "$.enabledProviders[2]", "enumeration"),
                bad("provider enabled twice", c -> ((ArrayNode) c.get("enabledProviders")).add("openai"),
                        "$.enabledProviders", ""),
                bad("review not openai", c -> obj(c, "defaults", "review").put("provider", "mistral"),
                        "$.defaults.review.provider", ""),
                bad("review default missing", c -> obj(c, "defaults").remove("review"), "$.defaults", "review"),
                bad("vision not openai", c -> obj(c, "defaults", "vision").put("provider", "moonshot"),
                        "$.defaults.vision.provider", ""),
                bad("fallback is openai", c -> obj(c, "reviewFallback").put("provider", "openai"),
                        "$.reviewFallback.provider", ""),
                bad("fallback is moonshot", c -> obj(c, "reviewFallback").put("provider", "moonshot"),
                        "$.reviewFallback.provider", ""),
                bad("fallback without model", c -> obj(c, "reviewFallback").remove("model"), "$.reviewFallback", "model"),
                bad("ollama on a public address", c -> obj(c, "providers", "ollama").put("apiBase", "http://203.0.113.7:11434/v1"),
                        "$.providers.ollama.apiBase", ""),
                bad("ollama over https to a host name", c -> obj(c, "providers", "ollama").put("apiBase", "https://ollama.example.com/v1"),
                        "$.providers.ollama.apiBase", ""),
                bad("openai apiBase not http", c -> obj(c, "providers", "openai").put("apiBase", "ftp://api.openai.com/v1"),
                        "$.providers.openai.apiBase", ""),
                bad("unknown field in a provider", c -> obj(c, "providers", "openai").put("organization", "x"),
                        "$.providers.openai", "organization"),
                bad("timeout of zero", c -> obj(c, "providers", "mistral").put("timeoutSeconds", 0),
                        "$.providers.mistral.timeoutSeconds", ""),
                bad("moonshot enabled but not configured", c -> {
                    ((ArrayNode) c.get("enabledProviders")).add("moonshot");
                    obj(c, "providers").remove("moonshot");
                }, "$.providers", "moonshot"),
                bad("general routed to a disabled provider", c -> obj(c, "defaults", "general").put("provider", "moonshot"),
                        "$.enabledProviders", ""),
                bad("pricing missing", c -> obj(c, "budget").remove("pricing"), "$.budget", "pricing"),
                bad("negative review cap", c -> obj(c, "budget").put("maxUsdPerReview", -1), "$.budget.maxUsdPerReview", ""),
                bad("zero run cap", c -> obj(c, "budget").put("maxUsdPerRun", 0), "$.budget.maxUsdPerRun", ""),
                bad("price without output", c -> obj(c, "budget", "pricing", "gpt-4o-mini").remove("outputPer1M"),
                        "$.budget.pricing.gpt-4o-mini", "outputPer1M"),
                bad("negative price", c -> obj(c, "budget", "pricing", "gpt-4o").put("inputPer1M", -0.5),
                        "$.budget.pricing.gpt-4o.inputPer1M", ""),
                bad("unknown field in a price", c -> obj(c, "budget", "pricing", "gpt-4o").put("cachedPer1M", 1),
                        "$.budget.pricing.gpt-4o", "cachedPer1M"),
                bad("maxOutputTokens 99", c -> obj(c, "reviewCaps").put("maxOutputTokens", 99), "$.reviewCaps.maxOutputTokens", ""),
                bad("maxOutputTokens 4097", c -> obj(c, "reviewCaps").put("maxOutputTokens", 4097), "$.reviewCaps.maxOutputTokens", ""),
                bad("temperature 1.5", c -> obj(c, "reviewCaps").put("temperature", 1.5), "$.reviewCaps.temperature", ""),
                bad("temperature below 0", c -> obj(c, "reviewCaps").put("temperature", -0.1), "$.reviewCaps.temperature", ""),
                bad("review cap above run cap", c -> obj(c, "budget").put("maxUsdPerReview", 6), "$.budget.maxUsdPerReview",
                        "must not exceed maxUsdPerRun"),
                bad("maxOutputTokens as text", c -> obj(c, "reviewCaps").put("maxOutputTokens", "600"),
                        "$.reviewCaps.maxOutputTokens", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void badConfigIsRejectedAtTheRightPlace(String name, Consumer<ObjectNode> breakIt, String path, String fragment)
            throws IOException {
        ObjectNode config = shipped();
        breakIt.accept(config);
        List<ConfigViolation> violations = validate(JSON.writeValueAsString(config));

        assertThat(violations).as(name).isNotEmpty();
        assertThat(violations).as(name + ": " + violations)
                .anyMatch(v -> v.path().equals(path) && v.message().contains(fragment));
    }

    @Test
    void shippedConfigIsValid() throws IOException {
        assertThat(validate(Files.readString(SHIPPED))).isEmpty();
    }

    @Test
    void notJsonIsRejected() throws IOException {
        assertThat(validate("{ this is not json")).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("not parseable"));
    }

    @Test
    void everyViolationIsListedNotJustTheFirst() throws IOException {
        ObjectNode config = shipped();
        config.put("surprise", 1);
        obj(config, "reviewCaps").put("temperature", 3);
        obj(config, "defaults", "review").put("provider", "ollama");
        assertThat(validate(JSON.writeValueAsString(config))).extracting(ConfigViolation::path)
                .contains("$", "$.reviewCaps.temperature", "$.defaults.review.provider");
    }

    @Test
    void ollamaOverrideMustBeLoopbackToo() throws IOException {
        LlmConfig config = JSON.readValue(SHIPPED.toFile(), LlmConfig.class);
        assertThat(LlmConfigRules.check(config, Map.of("ollama", "http://10.0.0.8:11434/v1")))
                .extracting(ConfigViolation::path).containsExactly("$.providers.ollama.apiBase");
        assertThat(LlmConfigRules.check(config, Map.of("ollama", "http://127.0.0.1:9999/v1"))).isEmpty();
    }

    private List<ConfigViolation> validate(String text) throws IOException {
        Files.writeString(dir.resolve("llm.json"), text);
        LoadedConfig<LlmConfig> loaded = new ConfigFileLoader(platformConfig(dir)).load("llm.json", LlmConfig.class);
        List<ConfigViolation> all = new ArrayList<>(loaded.violations());
        if (loaded.isValid()) {
            all.addAll(LlmConfigRules.check(loaded.require(), Map.of()));
        }
        return all;
    }

    private static ObjectNode shipped() throws IOException {
        return (ObjectNode) JSON.readTree(SHIPPED.toFile());
    }

    private static ObjectNode obj(ObjectNode root, String... path) {
        ObjectNode node = root;
        for (String step : path) {
            node = (ObjectNode) node.get(step);
        }
        return node;
    }

    private static Arguments bad(String name, Consumer<ObjectNode> breakIt, String path, String fragment) {
        return Arguments.of(name, breakIt, path, fragment);
    }

    private static PlatformConfig platformConfig(Path configDir) {
        return new PlatformConfig() {
            @Override
            public String serviceName() {
                return "llm-router-service";
            }

            @Override
            public Secrets secrets() {
                return new Secrets() {
                    @Override
                    public String dir() {
                        return configDir.resolve("secrets").toString();
                    }

                    @Override
                    public Optional<List<String>> known() {
                        return Optional.empty();
                    }
                };
            }

            @Override
            public Config config() {
                return () -> configDir.toString();
            }

            @Override
            public Artifacts artifacts() {
                return () -> configDir.resolve("artifacts").toString();
            }

            @Override
            public InternalAuth internalAuth() {
                return () -> true;
            }
        };
    }
}
