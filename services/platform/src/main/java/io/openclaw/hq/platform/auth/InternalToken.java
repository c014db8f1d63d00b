package io.openclaw.hq.platform.auth;

import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The shared service-to-service token ({@code hq_internal_token}). Re-read at most every few
 * seconds so a rotated token takes effect without a restart.
 */
@ApplicationScoped
public class InternalToken {

    public static final String HEADER = "X-HQ-Internal-Token";
    public static final String SECRET_NAME = "hq_internal_token";
    private static final long REFRESH_NANOS = Duration.ofSeconds(10).toNanos();

    private final SecretResolver secrets;
    private volatile Optional<Secret> cached = Optional.empty();
    private volatile long cachedAt;

    public InternalToken(SecretResolver secrets) {
        this.secrets = secrets;
    }

    public Optional<Secret> current() {
        long now = System.nanoTime();
        if (cached.isEmpty() || now - cachedAt > REFRESH_NANOS) {
            cached = secrets.resolve(SECRET_NAME);
            cachedAt = now;
        }
        return cached;
    }
}
