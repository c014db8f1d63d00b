package io.openclaw.hq.notify.service;

import io.openclaw.hq.platform.sms.SmsAllowlist;

import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves each channel's credentials through the platform's {@link SecretResolver} every time they
 * are needed, so a secret added or rotated on the host takes effect without a restart. A channel
 * with any credential missing is {@code not_configured}; the names of what is missing may be shown,
 * the values never.
 */
@ApplicationScoped
public class ChannelCredentials {

    public static final String PUSHOVER_TOKEN = "pushover_token";
    public static final String PUSHOVER_USER = "pushover_user";
    public static final String TWILIO_ACCOUNT_SID = "twilio_account_sid";
    public static final String TWILIO_AUTH_TOKEN = "twilio_auth_token";
    public static final String TWILIO_FROM_NUMBER = "twilio_from_number";
    public static final String SMS_ALLOWLIST = "sms_allowlist";

    public static final List<String> PUSHOVER_SECRETS = List.of(PUSHOVER_TOKEN, PUSHOVER_USER);
    public static final List<String> SMS_SECRETS = List.of(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER,
            SMS_ALLOWLIST);

    /** Either the credentials, or the upper-case names of what is missing or invalid. */
    public record Lookup<T>(Optional<T> credentials, List<String> missing) {

        public String explanation() {
            return "not configured: " + String.join(", ", missing) + " missing or invalid";
        }
    }

    private final SecretResolver secrets;

    public ChannelCredentials(SecretResolver secrets) {
        this.secrets = secrets;
    }

    public Lookup<PushoverCredentials> pushover() {
        List<String> missing = new ArrayList<>();
        Optional<Secret> token = find(PUSHOVER_TOKEN, missing);
        Optional<Secret> user = find(PUSHOVER_USER, missing);
        if (!missing.isEmpty()) {
            return new Lookup<>(Optional.empty(), missing);
        }
        return new Lookup<>(Optional.of(new PushoverCredentials(token.get(), user.get())), missing);
    }

    public Lookup<TwilioCredentials> twilio() {
        List<String> missing = new ArrayList<>();
        Optional<Secret> sid = find(TWILIO_ACCOUNT_SID, missing);
        Optional<Secret> token = find(TWILIO_AUTH_TOKEN, missing);
        Optional<Secret> from = find(TWILIO_FROM_NUMBER, missing);
        if (from.isPresent() && !SmsAllowlist.E164.matcher(from.get().reveal()).matches()) {
            missing.add(TWILIO_FROM_NUMBER.toUpperCase(Locale.ROOT));
        }
        if (!missing.isEmpty()) {
            return new Lookup<>(Optional.empty(), missing);
        }
        return new Lookup<>(Optional.of(new TwilioCredentials(sid.get(), token.get(), from.get())), missing);
    }

    /** An unparseable allowlist counts as missing: no number is allowed until it is fixed. */
    public Lookup<SmsAllowlist> allowlist() {
        Optional<Secret> raw = secrets.resolve(SMS_ALLOWLIST);
        String name = SMS_ALLOWLIST.toUpperCase(Locale.ROOT);
        if (raw.isEmpty()) {
            return new Lookup<>(Optional.empty(), List.of(name));
        }
        try {
            SmsAllowlist list = SmsAllowlist.parse(raw.get().reveal());
            return list.numbers().isEmpty() ? new Lookup<>(Optional.empty(), List.of(name))
                    : new Lookup<>(Optional.of(list), List.of());
        } catch (IllegalArgumentException e) {
            return new Lookup<>(Optional.empty(), List.of(name));
        }
    }

    private Optional<Secret> find(String name, List<String> missing) {
        Optional<Secret> secret = secrets.resolve(name);
        if (secret.isEmpty()) {
            missing.add(name.toUpperCase(Locale.ROOT));
        }
        return secret;
    }
}
