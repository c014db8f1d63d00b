package io.openclaw.hq.doctor.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * GET /guard/status: the schedule, whether the guard has run within two intervals
 * ({@code timerHealthy}), and its last runs, newest first.
 */
@RegisterForReflection
public record GuardStatus(String target, String cron, long intervalMinutes, boolean scheduled, Instant nextRun,
        boolean timerHealthy, Instant lastRunAt, GuardOutcome lastOutcome, List<GuardEntry> lastRuns) {
}
