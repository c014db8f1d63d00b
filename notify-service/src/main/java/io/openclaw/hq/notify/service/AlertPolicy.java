package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.model.AlertState;
import io.openclaw.hq.notify.model.AlertStatus;
import io.openclaw.hq.notify.model.NotificationKind;
import io.openclaw.hq.notify.model.NotifiedState;
import io.openclaw.hq.notify.model.Severity;
import io.openclaw.hq.notify.model.SuppressionReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert state machine, as pure logic: given what is stored for a check and what it reports now,
 * what to store and whether to tell the operator. The rules, in order:
 * <ol>
 * <li>inside a maintenance window: remember the status, tell nobody; the operator hears about the
 * check once after the window, only if its state then differs from what they last heard;</li>
 * <li>{@code flapping.changes} status changes within {@code flapping.window}: one "flapping"
 * notification, then silence until the check has not changed for a whole window;</li>
 * <li>OK after a problem the operator heard about: "resolved";</li>
 * <li>a problem the operator has not heard about: an alert, unless an alert for this check went out
 * less than {@code rate-limit-window} ago (then the next report after the window sends it);</li>
 * <li>the same problem again: a "still failing" reminder once {@code reminder-interval} has passed
 * since the last alert, otherwise nothing ("rate limit" within the window, "unchanged state" after).</li>
 * </ol>
 */
public final class AlertPolicy {

    private final Duration rateLimitWindow;
    private final Duration reminderInterval;
    private final int flappingChanges;
    private final Duration flappingWindow;

    public AlertPolicy(Duration rateLimitWindow, Duration reminderInterval, int flappingChanges,
            Duration flappingWindow) {
        if (flappingChanges < 2) {
            throw new IllegalArgumentException("notify.flapping.changes must be at least 2, was " + flappingChanges);
        }
        if (reminderInterval.compareTo(rateLimitWindow) < 0) {
            throw new IllegalArgumentException("notify.reminder-interval must not be shorter than notify.rate-limit-window");
        }
        this.rateLimitWindow = rateLimitWindow;
        this.reminderInterval = reminderInterval;
        this.flappingChanges = flappingChanges;
        this.flappingWindow = flappingWindow;
    }

    /** @param prior the stored state, or {@code null} for a check never seen before */
    public AlertDecision decide(AlertState prior, String checkId, AlertStatus reported, Severity severity,
            Instant now, boolean inMaintenance) {
        boolean changed = prior != null && prior.status() != reported;
        AlertState next = prior == null ? AlertState.firstReport(checkId, reported, now) : prior.reported(reported, now);

        if (inMaintenance) {
            // changes inside a window are expected (that is what the window is for): they do not count as flapping
            return AlertDecision.suppress(next, SuppressionReason.MAINTENANCE_WINDOW, severity);
        }

        List<Instant> changes = recentChanges(next.recentChanges(), now);
        if (changed) {
            changes.add(now);
        }
        next = next.withChanges(changes);
        Severity loudest = Severity.louder(severity, next.lastAlertSeverity());

        if (changes.size() >= flappingChanges) {
            if (next.flapping()) {
                return AlertDecision.suppress(next, SuppressionReason.FLAPPING, loudest);
            }
            return AlertDecision.notify(next.withFlapping(true).notifiedAs(NotifiedState.FLAPPING, now),
                    NotificationKind.FLAPPING, loudest);
        }
        if (next.flapping()) {
            if (!changes.isEmpty()) {
                return AlertDecision.suppress(next, SuppressionReason.FLAPPING, loudest);
            }
            next = next.withFlapping(false);
        }

        NotifiedState heard = next.notified();
        if (!reported.isProblem()) {
            if (heard != null && heard.isProblem()) {
                return AlertDecision.notify(next.notifiedAs(NotifiedState.OK, now), NotificationKind.RESOLVED, loudest);
            }
            return AlertDecision.suppress(heard == null ? next.notifiedAs(NotifiedState.OK, now) : next,
                    SuppressionReason.UNCHANGED_STATE, severity);
        }

        boolean withinRateLimit = next.lastAlertAt() != null
                && Duration.between(next.lastAlertAt(), now).compareTo(rateLimitWindow) < 0;
        if (heard != NotifiedState.of(reported)) {
            if (withinRateLimit) {
                return AlertDecision.suppress(next, SuppressionReason.RATE_LIMIT, severity);
            }
            return AlertDecision.notify(next.alerted(severity, now), NotificationKind.ALERT, severity);
        }
        if (next.lastAlertAt() == null || Duration.between(next.lastAlertAt(), now).compareTo(reminderInterval) >= 0) {
            return AlertDecision.notify(next.alerted(severity, now), NotificationKind.REMINDER, severity);
        }
        return AlertDecision.suppress(next,
                withinRateLimit ? SuppressionReason.RATE_LIMIT : SuppressionReason.UNCHANGED_STATE, severity);
    }

    private List<Instant> recentChanges(List<Instant> stored, Instant now) {
        Instant cutoff = now.minus(flappingWindow);
        List<Instant> kept = new ArrayList<>();
        for (Instant at : stored) {
            if (at.isAfter(cutoff)) {
                kept.add(at);
            }
        }
        return kept;
    }
}
