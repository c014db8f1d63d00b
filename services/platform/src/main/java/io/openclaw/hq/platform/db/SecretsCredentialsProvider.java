package io.openclaw.hq.platform.db;

import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.quarkus.arc.Unremovable;
import io.quarkus.credentials.CredentialsProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives the datasource its password from the secrets directory ({@code db_password_<role>}), so
 * the password is never in an environment variable that {@code docker inspect} would show.
 */
@ApplicationScoped
@Unremovable
@Named("openclaw-secrets")
public class SecretsCredentialsProvider implements CredentialsProvider {

    private final SecretResolver secrets;
    private final String user;

    public SecretsCredentialsProvider(SecretResolver secrets,
            @ConfigProperty(name = "quarkus.datasource.username") String user) {
        this.secrets = secrets;
        this.user = user;
    }

    @Override
    public Map<String, String> getCredentials(String credentialsProviderName) {
        String password = secrets.resolve("db_password_" + user).map(Secret::reveal)
                .orElseThrow(() -> new IllegalStateException("secret db_password_" + user + " is missing"));
        return Map.of(USER_PROPERTY_NAME, user, PASSWORD_PROPERTY_NAME, password);
    }
}
