package io.openclaw.hq.llm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.llm.model.Purpose;
import io.openclaw.hq.llm.model.ResolvedRoute;
import io.openclaw.hq.llm.service.ModelRouter;
import io.openclaw.hq.platform.PlatformConfig;
import io.openclaw.hq.platform.config.ConfigFileLoader;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.secrets.SecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** resolve(purpose) as a table, with the real loader, the real resolver and the shipped config. */
class RoutingTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, OPENCLAW_REVIEW_MODEL={1}, general={2} → {3}/{4}")
    @CsvSource({
            "REVIEW,  '',          openai,   openai, gpt-4o-mini",
            "REVIEW,  gpt-4.1-mini, openai,  openai, gpt-4.1-mini",
            "REVIEW,  '',          moonshot, openai, gpt-4o-mini",
            "REVIEW,  gpt-4.1-mini, moonshot, openai, gpt-4.1-mini",
            "GENERAL, '',          openai,   openai, gpt-4o-mini",
            "GENERAL, '',          moonshot, moonshot, moonshot-v1-8k",
            "VISION,  '',          moonshot, openai, gpt-4o",
            "OTHER,   '',          openai,   openai, gpt-4o-mini",
            "OTHER,   gpt-4.1-mini, moonshot, openai, gpt-4.1-mini"})
    void routes(Purpose purpose, String reviewModel, String general, String provider, String model) throws IOException {
        ModelRouter router = router(reviewModel, general, true);
        assertThat(router.resolve(purpose))
                .isEqualTo(new ResolvedRoute(ProviderName.fromWire(provider), model));
    }

    @Test
    void reviewWithoutAnOpenAiKeyIsRefusedNeverMoved() throws IOException {
        ModelRouter router = router("", "moonshot", false);
        assertThatThrownBy(() -> router.resolve(Purpose.REVIEW)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("OPENAI_API_KEY").hasMessageContaining("fail-closed");
        assertThat(router.resolve(Purpose.GENERAL).provider()).isEqualTo(ProviderName.MOONSHOT);
    }

    private ModelRouter router(String reviewModel, String general, boolean openAiKey) throws IOException {
        ObjectNode config = (ObjectNode) JSON.readTree(Path.of("..", "config", "llm.json").toFile());
        if ("moonshot".equals(general)) {
            ((ArrayNode) config.get("enabledProviders")).add("moonshot");
            ((ObjectNode) config.get("defaults").get("general")).put("provider", "moonshot").put("model", "moonshot-v1-8k");
        }
        Files.writeString(dir.resolve("llm.json"), JSON.writeValueAsString(config));
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        if (openAiKey) {
            Files.writeString(secrets.resolve("openai_api_key"), "sk-routing-table-test-key-1234");
        }
        PlatformConfig platform = platform(dir, secrets);
        RouterSettings settings = settings(reviewModel);
        LlmConfigHolder holder = new LlmConfigHolder(new ConfigFileLoader(platform), settings);
        holder.load();
        assertThat(holder.isValid()).as(holder.violations().toString()).isTrue();
        return new ModelRouter(holder, settings, new SecretResolver(platform));
    }

    private static RouterSettings settings(String reviewModel) {
        return new RouterSettings() {
            @Override
            public Optional<String> reviewModel() {
                return reviewModel.isBlank() ? Optional.empty() : Optional.of(reviewModel);
            }

            @Override
            public Map<String, String> apiBaseOverride() {
                return Map.of();
            }

            @Override
            public int connectTimeoutMs() {
                return 1000;
            }

            @Override
            public int connectionsPerProvider() {
                return 1;
            }

            @Override
            public Optional<Integer> maxCallsInFlight() {
                return Optional.empty();
            }

            @Override
            public Optional<Integer> maxCallsWaiting() {
                return Optional.empty();
            }

            @Override
            public long admissionWaitMs() {
                return 50;
            }

            @Override
            public Breaker breaker() {
                return null;
            }
        };
    }

    private static PlatformConfig platform(Path configDir, Path secretsDir) {
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
                        return secretsDir.toString();
                    }

                    @Override
                    public Optional<List<String>> known() {
                        return Optional.empty();
                    }
                };
            }

            @Override
            public Config config() {
                return configDir::toString;
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
