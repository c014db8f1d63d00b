package io.openclaw.hq.llm.config;

import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.platform.config.ConfigViolation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants the router relies on, checked in code as well as in the schema (a schema can be
 * edited by mistake; this class is the second lock), plus the ones a schema cannot express.
 */
public final class LlmConfigRules {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private LlmConfigRules() {
    }

    public static List<ConfigViolation> check(LlmConfig config, Map<String, String> apiBaseOverrides) {
        List<ConfigViolation> violations = new ArrayList<>();
        if (!config.isEnabled(ProviderName.OPENAI)) {
            violations.add(new ConfigViolation("$.enabledProviders", "must include openai (the review gate)"));
        }
        if (config.defaults().review().provider() != ProviderName.OPENAI) {
            violations.add(new ConfigViolation("$.defaults.review.provider", "must be openai"));
        }
        if (config.defaults().vision().provider() != ProviderName.OPENAI) {
            violations.add(new ConfigViolation("$.defaults.vision.provider", "must be openai"));
        }
        config.fallback().ifPresent(fallback -> {
            if (fallback.provider() != ProviderName.MISTRAL) {
                violations.add(new ConfigViolation("$.reviewFallback.provider",
                        "must be mistral: openai is the primary, moonshot and ollama never review"));
            }
        });
        ProviderName general = config.defaults().general().provider();
        if (!config.isEnabled(general)) {
            violations.add(new ConfigViolation("$.defaults.general.provider",
                    general.wire() + " is not in enabledProviders"));
        }
        if (config.budget().maxUsdPerReview().compareTo(config.budget().maxUsdPerRun()) > 0) {
            violations.add(new ConfigViolation("$.budget.maxUsdPerReview", "must not exceed maxUsdPerRun"));
        }
        for (ProviderName name : config.enabledProviders()) {
            if (config.providers().of(name).isEmpty()) {
                violations.add(new ConfigViolation("$.providers." + name.wire(), "enabled but not configured"));
            }
        }
        String ollamaBase = apiBaseOverrides.getOrDefault("ollama",
                config.providers().of(ProviderName.OLLAMA).map(LlmConfig.ProviderSettings::apiBase).orElse(null));
        if (ollamaBase != null && !isLoopback(ollamaBase)) {
            violations.add(new ConfigViolation("$.providers.ollama.apiBase",
                    "must be a loopback address (127.0.0.1, localhost or [::1])"));
        }
        return violations;
    }

    static boolean isLoopback(String url) {
        try {
            URI uri = URI.create(url);
            return "http".equals(uri.getScheme()) && uri.getHost() != null && LOOPBACK.contains(uri.getHost())
                    && uri.getUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
