package io.openclaw.hq.gateway.backends;

import java.time.Instant;
import java.util.List;

/**
 * What the gateway reads from doctor-service, field by field as doctor-service sends it
 * ({@code contracts/doctor-service/*.json}). Verdicts stay strings (PASS, WARN, FAIL…) so a new
 * value shows as it is rather than failing the page.
 */
public final class DoctorContract {

    private DoctorContract() {
    }

    /** {@code GET /doctor/reports?limit=}: one doctor run over every check, newest first. */
    public record Report(String runId, String target, String mode, Instant startedAt, long durationMs, String status,
            String summary, Posture posture, List<Check> checks) {

        public Report {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }
    }

    /** One check's verdict, what was found line by line and, on FAIL, what to do. */
    public record Check(String id, int number, String name, String status, String summary, List<String> details,
            String remediation) {

        public Check {
            details = details == null ? List.of() : List.copyOf(details);
        }
    }

    /** The facts the guard and heal decide on. */
    public record Posture(boolean hostReachable, boolean tailscaleUp, String tailscaleIpv4, boolean sshdPublic) {
    }

    /** {@code GET /doctor/history?days=}: per check per UTC day, passes, warnings and failures. */
    public record History(int days, Instant since, List<String> checks, List<HistoryPoint> points) {

        public History {
            checks = checks == null ? List.of() : List.copyOf(checks);
            points = points == null ? List.of() : List.copyOf(points);
        }
    }

    public record HistoryPoint(String date, String checkId, int pass, int warn, int fail) {
    }

    /** {@code GET /guard/status}: the schedule, whether the timer is healthy, the last runs newest first. */
    public record GuardStatus(String target, String cron, long intervalMinutes, boolean scheduled, Instant nextRun,
            boolean timerHealthy, Instant lastRunAt, String lastOutcome, List<GuardEntry> lastRuns) {

        public GuardStatus {
            lastRuns = lastRuns == null ? List.of() : List.copyOf(lastRuns);
        }
    }

    /** One guard run: what it saw failing, what it did, which alerts it raised. */
    public record GuardEntry(long id, Instant at, String runId, String target, String outcome, String doctorStatus,
            List<String> failing, List<String> actions, List<String> alerts, String message) {

        public GuardEntry {
            failing = failing == null ? List.of() : List.copyOf(failing);
            actions = actions == null ? List.of() : List.copyOf(actions);
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
        }
    }

    /** {@code GET /guard/log?lines=}: the last lines, oldest first. */
    public record GuardLog(List<String> lines, List<GuardEntry> entries) {

        public GuardLog {
            lines = lines == null ? List.of() : List.copyOf(lines);
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /** {@code GET /heal/{runId}}: what a heal did, and why it ended as it did. */
    public record HealResult(String runId, String mode, String target, String status, Posture precheck, Fix fix,
            Verification verification, Evidence evidence) {
    }

    /** Whether the fix was tried (only when it is safe), whether it worked, and what happened. */
    public record Fix(boolean attempted, Boolean succeeded, String detail) {
    }

    public record Verification(String doctorRunId, String status, String summary, List<String> failing) {

        public Verification {
            failing = failing == null ? List.of() : List.copyOf(failing);
        }
    }

    public record Evidence(String directory, String bundle, String bundleSha256, List<String> files) {

        public Evidence {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }
}
