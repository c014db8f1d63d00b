package io.openclaw.hq.runner.health;

import io.openclaw.hq.platform.config.ConfigViolation;
import io.openclaw.hq.platform.config.LoadedConfig;
import io.openclaw.hq.runner.config.Allowlists;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reads both allowlists again at every readiness probe, so an operator's broken edit turns the
 * service DOWN at once (naming each violation), not only when the next job is submitted. The
 * platform's {@code config} check reports the same files from the same loads.
 */
@Readiness
@ApplicationScoped
public class AllowlistsReadinessCheck implements HealthCheck {

    private final Allowlists allowlists;

    public AllowlistsReadinessCheck(Allowlists allowlists) {
        this.allowlists = allowlists;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("allowlists").up();
        for (LoadedConfig<?> file : List.of(allowlists.jobs(), allowlists.repos())) {
            if (file.isValid()) {
                builder.withData(file.file(), "valid");
            } else {
                builder.down().withData(file.file(),
                        String.join("; ", file.violations().stream().map(ConfigViolation::toString).toList()));
            }
        }
        return builder.build();
    }
}
