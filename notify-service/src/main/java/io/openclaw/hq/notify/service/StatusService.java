package io.openclaw.hq.notify.service;

import io.openclaw.hq.platform.sms.SmsAllowlist;

import io.openclaw.hq.notify.client.PushoverQuotaTracker;
import io.openclaw.hq.notify.config.NotifyConfig;
import io.openclaw.hq.notify.model.ChannelStatus;
import io.openclaw.hq.notify.model.StatusReport;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.platform.secrets.SecretStatus;
import io.openclaw.hq.notify.model.Channel;
import io.openclaw.hq.notify.store.DeliveryStore;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What {@code GET /status} shows: never a credential, only its masked form and fingerprint. */
@ApplicationScoped
public class StatusService {

    private final ChannelCredentials credentials;
    private final SecretResolver secrets;
    private final PushoverQuotaTracker quota;
    private final MaintenanceService maintenance;
    private final NotifyConfig config;
    private final CircuitBreakerMaintenance breakers;
    private final DeliveryStore deliveries;
    private final Clock clock;

    static final String PUSHOVER_BREAKER = "pushover";
    static final String TWILIO_BREAKER = "twilio";

    public StatusService(ChannelCredentials credentials, SecretResolver secrets, PushoverQuotaTracker quota,
            MaintenanceService maintenance, NotifyConfig config, CircuitBreakerMaintenance breakers,
            DeliveryStore deliveries, Clock clock) {
        this.breakers = breakers;
        this.deliveries = deliveries;
        this.clock = clock;
        this.credentials = credentials;
        this.secrets = secrets;
        this.quota = quota;
        this.maintenance = maintenance;
        this.config = config;
    }

    public StatusReport report() {
        ChannelCredentials.Lookup<PushoverCredentials> pushover = credentials.pushover();
        ChannelCredentials.Lookup<TwilioCredentials> twilio = credentials.twilio();
        ChannelCredentials.Lookup<SmsAllowlist> allowlist = credentials.allowlist();
        List<String> smsMissing = new ArrayList<>(twilio.missing());
        smsMissing.addAll(allowlist.missing());
        Instant dayAgo = clock.instant().minus(java.time.Duration.ofHours(24));
        String pushoverBreaker = breaker(PUSHOVER_BREAKER);
        ChannelStatus pushoverStatus = new ChannelStatus(pushover.credentials().isPresent(), pushover.missing(),
                statusOf(ChannelCredentials.PUSHOVER_SECRETS), config.routing().pushoverMinSeverity(), null,
                quota.last().orElse(null), state(pushover.credentials().isPresent(), pushoverBreaker), pushoverBreaker,
                activity(Channel.PUSHOVER, dayAgo));
        // the allowlist's numbers are personal data: only how many there are is shown
        List<SecretStatus> smsCredentials = statusOf(List.of(ChannelCredentials.TWILIO_ACCOUNT_SID,
                ChannelCredentials.TWILIO_AUTH_TOKEN, ChannelCredentials.TWILIO_FROM_NUMBER));
        String smsBreaker = breaker(TWILIO_BREAKER);
        ChannelStatus smsStatus = new ChannelStatus(smsMissing.isEmpty(), smsMissing, smsCredentials,
                config.routing().smsMinSeverity(),
                allowlist.credentials().map(a -> a.numbers().size()).orElse(0), null,
                state(smsMissing.isEmpty(), smsBreaker), smsBreaker, activity(Channel.SMS, dayAgo));
        return new StatusReport(config.dryRun(), pushoverStatus, smsStatus, config.rateLimitWindow(),
                config.reminderInterval(), config.flapping().changes(), config.flapping().window(),
                maintenance.active().size());
    }

    private String state(boolean configured, String breaker) {
        if (!configured) {
            return "not_configured";
        }
        if (config.dryRun()) {
            return "dry_run";
        }
        return switch (breaker) {
            case "open" -> "breaker_open";
            case "half_open" -> "breaker_half_open";
            default -> "ready";
        };
    }

    private String breaker(String name) {
        return breakers.currentState(name).name().toLowerCase(java.util.Locale.ROOT);
    }

    private ChannelStatus.ChannelActivity activity(Channel channel, Instant since) {
        DeliveryStore.ChannelActivity a = deliveries.activity(channel, since);
        return new ChannelStatus.ChannelActivity(a.byStatus(), a.lastSentAt(), a.lastFailedAt(), a.lastError());
    }

    private List<SecretStatus> statusOf(List<String> names) {
        return List.copyOf(secrets.status(names).values());
    }
}
