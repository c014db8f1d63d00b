package io.openclaw.hq.platform.auth;

import io.openclaw.hq.platform.secrets.RefreshingSecret;
import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** The shared service-to-service token ({@code hq_internal_token}); a rotation takes effect within seconds. */
@ApplicationScoped
public class InternalToken {

    public static final String HEADER = "X-HQ-Internal-Token";
    public static final String SECRET_NAME = "hq_internal_token";

    private final RefreshingSecret token;

    public InternalToken(SecretResolver secrets) {
        this.token = new RefreshingSecret(secrets, SECRET_NAME, Duration.ofSeconds(10));
    }

    public Optional<Secret> current() {
        return token.current();
    }
}
