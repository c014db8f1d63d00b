package io.openclaw.hq.platform.secrets;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Locale;

/** What may be shown about a secret: whether it is there, where from, masked, fingerprinted. */
@RegisterForReflection
public record SecretStatus(String name, boolean present, String source, String masked, String fingerprint) {

    public static SecretStatus of(Secret secret) {
        return new SecretStatus(secret.name(), true, secret.source().name().toLowerCase(Locale.ROOT),
                secret.masked(), secret.fingerprint());
    }

    public static SecretStatus missing(String name) {
        return new SecretStatus(name.toUpperCase(Locale.ROOT), false, null, null, null);
    }
}
