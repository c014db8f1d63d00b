package io.openclaw.hq.gateway.sms;

import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The senders allowed to command HQ by SMS: secret {@code sms_allowlist}, read with the same rules
 * notify-service uses for the numbers it sends to, so a number alerted is a number that may
 * command and no other: E.164 numbers ({@code +} and 7 to 15 digits) separated by commas,
 * semicolons, spaces or new lines; one entry that is not E.164 makes the whole list invalid, and
 * an invalid or missing list allows nobody (fail closed). A sender is matched exactly as Twilio
 * gives it (E.164).
 *
 * <p>The rules are meant to live once, in services/platform (issue 11, item 6); until that parser
 * is there this class holds the same rules as notify-service's {@code SmsAllowlist.parse}.
 */
@ApplicationScoped
public class SmsAllowlist {

    public static final String SECRET_NAME = "sms_allowlist";
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Logger LOG = Logger.getLogger(SmsAllowlist.class);

    private final SecretResolver secrets;

    public SmsAllowlist(SecretResolver secrets) {
        this.secrets = secrets;
    }

    public boolean allows(String sender) {
        if (sender == null || sender.isBlank()) {
            return false;
        }
        Optional<Secret> list = secrets.resolve(SECRET_NAME);
        if (list.isEmpty()) {
            return false;
        }
        Optional<Set<String>> numbers = parse(list.get().reveal());
        if (numbers.isEmpty()) {
            LOG.warn("sms_allowlist holds an entry that is not an E.164 number: nobody may send SMS commands until it is fixed");
            return false;
        }
        return numbers.get().contains(sender.strip());
    }

    /** The numbers on the list, or empty when any entry is not E.164. */
    static Optional<Set<String>> parse(String raw) {
        Set<String> entries = Stream.of(raw.split("[,;\\s]+")).filter(e -> !e.isBlank()).collect(Collectors.toSet());
        if (entries.stream().anyMatch(e -> !E164.matcher(e).matches())) {
            return Optional.empty();
        }
        return Optional.of(Set.copyOf(entries));
    }
}
