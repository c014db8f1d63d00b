package io.openclaw.hq.llm.health;

import io.openclaw.hq.llm.config.LlmConfigHolder;
import io.openclaw.hq.platform.config.ConfigViolation;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while llm.json breaks a rule the router checks in code (the platform's config check covers
 * the schema; this one covers both, listing every violation).
 */
@Readiness
@ApplicationScoped
public class LlmConfigRulesCheck implements HealthCheck {

    private final LlmConfigHolder config;

    public LlmConfigRulesCheck(LlmConfigHolder config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        if (config.isValid()) {
            return HealthCheckResponse.named("llm-router config").up().withData("llm.json", "valid").build();
        }
        return HealthCheckResponse.named("llm-router config").down()
                .withData("llm.json", String.join("; ", config.violations().stream().map(ConfigViolation::toString).toList()))
                .build();
    }
}
