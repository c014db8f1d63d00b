package io.openclaw.hq.llm.config;

import io.openclaw.hq.llm.model.ProviderName;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code config/llm.json}, bound after {@code config/llm.schema.json} accepted it. The schema is
 * the first line of defence (review pinned to OpenAI, Ollama on loopback, caps in range);
 * {@link LlmConfigRules} re-checks what the router relies on in code.
 */
@RegisterForReflection(targets = {LlmConfig.Defaults.class, LlmConfig.Route.class, LlmConfig.Providers.class,
        LlmConfig.ProviderSettings.class, LlmConfig.Budget.class, LlmConfig.Price.class, LlmConfig.ReviewCaps.class})
public record LlmConfig(
        List<ProviderName> enabledProviders,
        Defaults defaults,
        Route reviewFallback,
        Providers providers,
        Budget budget,
        ReviewCaps reviewCaps) {

    public record Defaults(Route review, Route general, Route vision) {
    }

    public record Route(ProviderName provider, String model) {
    }

    public record Providers(ProviderSettings openai, ProviderSettings mistral, ProviderSettings moonshot,
            ProviderSettings ollama) {

        public Optional<ProviderSettings> of(ProviderName name) {
            return Optional.ofNullable(switch (name) {
                case OPENAI -> openai;
                case MISTRAL -> mistral;
                case MOONSHOT -> moonshot;
                case OLLAMA -> ollama;
            });
        }
    }

    public record ProviderSettings(String apiBase, Integer timeoutSeconds) {
    }

    public record Budget(BigDecimal maxUsdPerReview, BigDecimal maxUsdPerRun, Map<String, Price> pricing) {

        public Optional<Price> priceOf(String model) {
            return Optional.ofNullable(pricing.get(model));
        }
    }

    public record Price(BigDecimal inputPer1M, BigDecimal outputPer1M) {
    }

    public record ReviewCaps(int maxOutputTokens, double temperature) {
    }

    public boolean isEnabled(ProviderName provider) {
        return enabledProviders.contains(provider);
    }

    public Optional<Route> fallback() {
        return Optional.ofNullable(reviewFallback);
    }
}
