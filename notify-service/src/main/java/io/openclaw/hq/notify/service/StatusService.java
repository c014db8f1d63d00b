package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.client.PushoverQuotaTracker;
import io.openclaw.hq.notify.config.NotifyConfig;
import io.openclaw.hq.notify.model.ChannelStatus;
import io.openclaw.hq.notify.model.StatusReport;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.platform.secrets.SecretStatus;
import jakarta.enterprise.context.ApplicationScoped;
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

    public StatusService(ChannelCredentials credentials, SecretResolver secrets, PushoverQuotaTracker quota,
            MaintenanceService maintenance, NotifyConfig config) {
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
        ChannelStatus pushoverStatus = new ChannelStatus(pushover.credentials().isPresent(), pushover.missing(),
                statusOf(ChannelCredentials.PUSHOVER_SECRETS), config.routing().pushoverMinSeverity(), null,
                quota.last().orElse(null));
        // the allowlist's numbers are personal data: only how many there are is shown
        List<SecretStatus> smsCredentials = statusOf(List.of(ChannelCredentials.TWILIO_ACCOUNT_SID,
                ChannelCredentials.TWILIO_AUTH_TOKEN, ChannelCredentials.TWILIO_FROM_NUMBER));
        ChannelStatus smsStatus = new ChannelStatus(smsMissing.isEmpty(), smsMissing, smsCredentials,
                config.routing().smsMinSeverity(),
                allowlist.credentials().map(a -> a.numbers().size()).orElse(0), null);
        return new StatusReport(config.dryRun(), pushoverStatus, smsStatus, config.rateLimitWindow(),
                config.reminderInterval(), config.flapping().changes(), config.flapping().window(),
                maintenance.active().size());
    }

    private List<SecretStatus> statusOf(List<String> names) {
        return List.copyOf(secrets.status(names).values());
    }
}
