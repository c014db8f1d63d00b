package io.openclaw.hq.notify.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.openclaw.hq.platform.secrets.SecretStatus;
import java.util.List;

/**
 * One channel on {@code GET /status}: configured or not, what is missing, each credential's masked
 * form and fingerprint, the severities it receives, (Pushover) the quota last reported, its
 * {@code state} (ready, dry_run, not_configured, breaker_open, breaker_half_open), the provider's
 * circuit {@code breaker} (closed, open, half_open) and its last 24 hours of deliveries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelStatus(boolean configured, List<String> missing, List<SecretStatus> credentials,
        Severity minSeverity, Integer allowlistedNumbers, Object quota, String state, String breaker,
        ChannelActivity last24h) {

    /** What the channel did in the last 24 hours: counts per delivery status, the last success and the last failure. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ChannelActivity(java.util.Map<String, Long> byStatus, java.time.Instant lastSentAt,
            java.time.Instant lastFailedAt, String lastError) {
    }
}
