package io.openclaw.hq.gateway.sms;

import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;

/**
 * The senders allowed to command HQ by SMS: secret {@code sms_allowlist}, numbers separated by
 * commas, spaces or lines. No list → nobody.
 */
@ApplicationScoped
public class SmsAllowlist {

    public static final String SECRET_NAME = "sms_allowlist";

    private final SecretResolver secrets;

    public SmsAllowlist(SecretResolver secrets) {
        this.secrets = secrets;
    }

    public boolean allows(String sender) {
        if (sender == null || sender.isBlank()) {
            return false;
        }
        Optional<Secret> list = secrets.resolve(SECRET_NAME);
        String normalized = normalize(sender);
        return list.map(s -> Arrays.stream(s.reveal().split("[,\\s]+")).map(SmsAllowlist::normalize)
                .anyMatch(n -> !n.isEmpty() && n.equals(normalized))).orElse(false);
    }

    static String normalize(String number) {
        return number.strip().replaceAll("[\\s()-]", "");
    }
}
