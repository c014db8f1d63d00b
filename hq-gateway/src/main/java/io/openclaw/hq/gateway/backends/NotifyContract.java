package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.secrets.SecretStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the gateway reads from notify-service, as it sends it ({@code contracts/notify-service/*.json}). */
public final class NotifyContract {

    private NotifyContract() {
    }

    /** {@code GET /status}: both channels, rate limits, maintenance windows. */
    public record Status(boolean dryRun, Channel pushover, Channel sms, Duration rateLimitWindow, Duration reminderInterval,
            int flappingChanges, Duration flappingWindow, int activeMaintenanceWindows) {
    }

    /**
     * One channel: configured or what is missing, credentials (masked), the quota the provider
     * reports, its state (ready, dry_run, not_configured, breaker_open…), its breaker and its last 24 h.
     */
    public record Channel(boolean configured, List<String> missing, List<SecretStatus> credentials, String minSeverity,
            Integer allowlistedNumbers, JsonNode quota, String state, String breaker, Activity last24h) {

        public Channel {
            missing = missing == null ? List.of() : List.copyOf(missing);
            credentials = credentials == null ? List.of() : List.copyOf(credentials);
        }
    }

    /** What a channel did in the last 24 hours: deliveries per status, the last success and the last failure. */
    public record Activity(Map<String, Long> byStatus, Instant lastSentAt, Instant lastFailedAt, String lastError) {

        public Activity {
            // in the order the service sent them
            byStatus = byStatus == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byStatus));
        }
    }

    /** {@code GET /deliveries?limit=}: one row of the delivery log, recipient masked. */
    public record Delivery(long id, Instant createdAt, Instant finishedAt, String runId, String checkId, String kind,
            String channel, String recipient, String severity, String title, String status, Integer providerStatus,
            String providerReference, String error) {
    }
}
