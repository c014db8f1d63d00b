package io.openclaw.hq.llm.service;

import io.openclaw.hq.llm.config.LlmConfig;
import io.openclaw.hq.llm.config.LlmConfigHolder;
import io.openclaw.hq.llm.config.RouterSettings;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.llm.model.Purpose;
import io.openclaw.hq.llm.model.ResolvedRoute;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Purpose → provider and model. Review is hard-wired to OpenAI here as well as in the schema:
 * OPENCLAW_REVIEW_MODEL may change the model, nothing changes the provider, and without an OpenAI
 * key review is refused rather than quietly sent elsewhere.
 */
@ApplicationScoped
public class ModelRouter {

    private final LlmConfigHolder config;
    private final RouterSettings settings;
    private final SecretResolver secrets;

    public ModelRouter(LlmConfigHolder config, RouterSettings settings, SecretResolver secrets) {
        this.config = config;
        this.settings = settings;
        this.secrets = secrets;
    }

    public ResolvedRoute resolve(Purpose purpose) {
        LlmConfig current = config.require();
        return switch (purpose) {
            case REVIEW -> review(current);
            case VISION -> new ResolvedRoute(ProviderName.OPENAI, current.defaults().vision().model());
            case GENERAL -> general(current);
            // unknown purposes go to OpenAI, never to an optional provider
            case OTHER -> current.defaults().general().provider() == ProviderName.OPENAI
                    ? new ResolvedRoute(ProviderName.OPENAI, current.defaults().general().model())
                    : new ResolvedRoute(ProviderName.OPENAI, reviewModel(current));
        };
    }

    public String reviewModel(LlmConfig current) {
        return settings.reviewModel().filter(m -> !m.isBlank()).map(String::strip)
                .orElse(current.defaults().review().model());
    }

    private ResolvedRoute review(LlmConfig current) {
        if (secrets.resolve(ProviderName.OPENAI.secretName()).isEmpty()) {
            throw new ProblemException(503, "review refused",
                    "OPENAI_API_KEY is not available (environment or secrets file openai_api_key): the review gate"
                            + " is fail-closed and never moves review to another provider");
        }
        return new ResolvedRoute(ProviderName.OPENAI, reviewModel(current));
    }

    private static ResolvedRoute general(LlmConfig current) {
        LlmConfig.Route route = current.defaults().general();
        if (!current.isEnabled(route.provider())) {
            throw new ProblemException(503, "provider disabled",
                    route.provider().wire() + " is the general default but not in enabledProviders");
        }
        return new ResolvedRoute(route.provider(), route.model());
    }
}
