package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.client.PushoverCredentialCheck;
import io.openclaw.hq.notify.client.TwilioCredentialCheck;
import io.openclaw.hq.notify.config.NotifyConfig;
import io.openclaw.hq.notify.model.ProviderCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * {@code ./hq secrets doctor} for the notification providers: the credentials as the service would
 * use them right now (resolved afresh, so a rotation shows at once), checked with the provider's
 * lightest authenticated call. A missing credential fails without any call; so does dry-run, whose
 * promise is that no provider is called.
 */
@ApplicationScoped
public class ProviderChecks {

    public static final List<String> PROVIDERS = List.of("pushover", "twilio");
    private static final Logger LOG = Logger.getLogger(ProviderChecks.class);

    private final ChannelCredentials credentials;
    private final PushoverCredentialCheck pushover;
    private final TwilioCredentialCheck twilio;
    private final NotifyConfig config;

    public ProviderChecks(ChannelCredentials credentials, PushoverCredentialCheck pushover, TwilioCredentialCheck twilio,
            NotifyConfig config) {
        this.credentials = credentials;
        this.pushover = pushover;
        this.twilio = twilio;
        this.config = config;
    }

    /** Empty for a provider this service does not know. */
    public Optional<ProviderCheck> check(String provider) {
        ProviderCheck result = switch (provider) {
            case "pushover" -> run(provider, credentials.pushover(), pushover::check);
            case "twilio" -> run(provider, credentials.twilio(), twilio::check);
            default -> null;
        };
        if (result != null) {
            LOG.infof("credential check %s: %s%s", provider, result.result(),
                    result.errorClass() == null ? "" : " " + result.errorClass());
        }
        return Optional.ofNullable(result);
    }

    private <T> ProviderCheck run(String provider, ChannelCredentials.Lookup<T> lookup, Function<T, ProviderCheck> call) {
        if (lookup.credentials().isEmpty()) {
            return ProviderCheck.fail(provider, "missing_secret", lookup.explanation() + "; " + provider + " not called");
        }
        if (config.dryRun()) {
            return ProviderCheck.fail(provider, "dry_run",
                    "notify.dry-run is on: this service calls no provider, so the credentials cannot be checked");
        }
        return call.apply(lookup.credentials().get());
    }
}
