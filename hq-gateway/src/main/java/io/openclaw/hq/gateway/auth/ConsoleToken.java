package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.platform.secrets.RefreshingSecret;
import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The console token ({@code openclaw_console_token}; {@code ./hq token rotate} makes a new one and
 * it is never shown). A rotated token takes effect within {@code gateway.session.console-token-refresh}
 * (10 s) without a restart. Absent → nobody gets in.
 */
@ApplicationScoped
public class ConsoleToken {

    public static final String SECRET_NAME = "openclaw_console_token";

    private final RefreshingSecret token;

    public ConsoleToken(SecretResolver secrets, GatewayConfig config) {
        this.token = new RefreshingSecret(secrets, SECRET_NAME, config.session().consoleTokenRefresh());
    }

    public Optional<Secret> current() {
        return token.current();
    }
}
