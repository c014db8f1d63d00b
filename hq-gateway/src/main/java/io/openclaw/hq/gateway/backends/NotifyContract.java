package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.secrets.SecretStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the gateway reads from notify-service, as it sends it ({@code contracts/notify-service/*.json}). */
public final class NotifyContract {

    private NotifyContract() {
    }

    /** {@code GET /status}: both channels, rate limits, maintenance windows. */
    public record Status(boolean dryRun, Channel pushover, Channel sms, Duration rateLimitWindow, Duration reminderInterval,
            int flappingChanges, Duration flappingWindow, int activeMaintenanceWindows) {
    }

    /** One channel: configured or what is missing, credentials (masked), the quota the provider reports. */
    public record Channel(boolean configured, List<String> missing, List<SecretStatus> credentials, String minSeverity,
            Integer allowlistedNumbers, JsonNode quota) {

        public Channel {
            missing = missing == null ? List.of() : List.copyOf(missing);
            credentials = credentials == null ? List.of() : List.copyOf(credentials);
        }
    }

    /** {@code GET /deliveries?limit=}: one row of the delivery log, recipient masked. */
    public record Delivery(long id, Instant createdAt, Instant finishedAt, String runId, String checkId, String kind,
            String channel, String recipient, String severity, String title, String status, Integer providerStatus,
            String providerReference, String error) {
    }
}
