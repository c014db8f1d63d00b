package io.openclaw.hq.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while any config file the service loaded is invalid, naming every violation. */
@Readiness
@ApplicationScoped
public class ConfigReadinessCheck implements HealthCheck {

    private final ConfigFileLoader loader;

    public ConfigReadinessCheck(ConfigFileLoader loader) {
        this.loader = loader;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("config").up();
        loader.states().values().forEach(state -> {
            if (state.valid()) {
                builder.withData(state.file(), "valid");
            } else {
                builder.down();
                builder.withData(state.file(), String.join("; ",
                        state.violations().stream().map(ConfigViolation::toString).toList()));
            }
        });
        return builder.build();
    }
}
