package io.openclaw.hq.notify.model;

import java.time.Instant;
import java.util.List;

/**
 * One check's row in {@code alert_state}. {@code status} is what the check last reported;
 * {@code notified} is what the operator last heard, which differs during a maintenance window, a
 * rate limit or a flapping episode. {@code recentChanges} holds the times of status changes within
 * the flapping window.
 */
public record AlertState(
        String checkId,
        AlertStatus status,
        Instant statusSince,
        Instant lastReportAt,
        NotifiedState notified,
        Instant lastNotifiedAt,
        Instant lastAlertAt,
        Severity lastAlertSeverity,
        boolean flapping,
        List<Instant> recentChanges) {

    public AlertState {
        recentChanges = recentChanges == null ? List.of() : List.copyOf(recentChanges);
    }

    public static AlertState firstReport(String checkId, AlertStatus status, Instant now) {
        return new AlertState(checkId, status, now, now, null, null, null, null, false, List.of());
    }

    public AlertState reported(AlertStatus newStatus, Instant now) {
        Instant since = newStatus == status ? statusSince : now;
        return new AlertState(checkId, newStatus, since, now, notified, lastNotifiedAt, lastAlertAt,
                lastAlertSeverity, flapping, recentChanges);
    }

    public AlertState withChanges(List<Instant> changes) {
        return new AlertState(checkId, status, statusSince, lastReportAt, notified, lastNotifiedAt, lastAlertAt,
                lastAlertSeverity, flapping, changes);
    }

    public AlertState withFlapping(boolean value) {
        return new AlertState(checkId, status, statusSince, lastReportAt, notified, lastNotifiedAt, lastAlertAt,
                lastAlertSeverity, value, recentChanges);
    }

    public AlertState notifiedAs(NotifiedState state, Instant at) {
        return new AlertState(checkId, status, statusSince, lastReportAt, state, at, lastAlertAt,
                lastAlertSeverity, flapping, recentChanges);
    }

    /** An alert or reminder: these, and only these, count against the rate limit. */
    public AlertState alerted(Severity severity, Instant at) {
        return new AlertState(checkId, status, statusSince, lastReportAt, NotifiedState.of(status), at, at,
                severity, flapping, recentChanges);
    }
}
