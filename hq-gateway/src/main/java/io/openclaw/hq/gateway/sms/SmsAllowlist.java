package io.openclaw.hq.gateway.sms;

import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The senders allowed to command HQ by SMS: secret {@code sms_allowlist}, read by the platform's
 * one parser ({@link io.openclaw.hq.platform.sms.SmsAllowlist}, rules in docs/PLATFORM.md), the
 * same notify-service uses for the numbers it alerts: a number alerted is a number that may
 * command, and no other. An invalid or missing list allows nobody (fail closed), and says so in
 * the log, naming the entry by position only.
 */
@ApplicationScoped
public class SmsAllowlist {

    public static final String SECRET_NAME = io.openclaw.hq.platform.sms.SmsAllowlist.SECRET_NAME;
    private static final Logger LOG = Logger.getLogger(SmsAllowlist.class);

    private final SecretResolver secrets;

    public SmsAllowlist(SecretResolver secrets) {
        this.secrets = secrets;
    }

    public boolean allows(String sender) {
        Optional<Secret> list = secrets.resolve(SECRET_NAME);
        return list.isPresent() && allows(list.get().reveal(), sender);
    }

    static boolean allows(String list, String sender) {
        if (sender == null || sender.isBlank()) {
            return false;
        }
        try {
            return io.openclaw.hq.platform.sms.SmsAllowlist.parse(list).allows(sender);
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s: nobody may send SMS commands until it is fixed", e.getMessage());
            return false;
        }
    }
}
