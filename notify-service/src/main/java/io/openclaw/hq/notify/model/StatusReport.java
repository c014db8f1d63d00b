package io.openclaw.hq.notify.model;

import java.time.Duration;

/** {@code GET /status}. */
public record StatusReport(boolean dryRun, ChannelStatus pushover, ChannelStatus sms, Duration rateLimitWindow,
        Duration reminderInterval, int flappingChanges, Duration flappingWindow, int activeMaintenanceWindows) {
}
