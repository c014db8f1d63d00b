package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.platform.secrets.RefreshingSecret;
import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The console token ({@code openclaw_console_token}, shown by {@code ./hq token}). A rotated token
 * takes effect within ten seconds without a restart. Absent → nobody gets in.
 */
@ApplicationScoped
public class ConsoleToken {

    public static final String SECRET_NAME = "openclaw_console_token";

    private final RefreshingSecret token;

    public ConsoleToken(SecretResolver secrets) {
        this.token = new RefreshingSecret(secrets, SECRET_NAME, Duration.ofSeconds(10));
    }

    public Optional<Secret> current() {
        return token.current();
    }
}
