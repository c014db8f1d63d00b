package io.openclaw.hq.gateway.service;

import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The console token ({@code openclaw_console_token}, shown by {@code ./hq token}). Re-read at most
 * every ten seconds so a rotated token takes effect without a restart. Absent → nobody gets in.
 */
@ApplicationScoped
public class ConsoleToken {

    public static final String SECRET_NAME = "openclaw_console_token";
    private static final long REFRESH_NANOS = 10_000_000_000L;

    private final SecretResolver secrets;
    private volatile Optional<Secret> cached = Optional.empty();
    private volatile long cachedAt;

    public ConsoleToken(SecretResolver secrets) {
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
