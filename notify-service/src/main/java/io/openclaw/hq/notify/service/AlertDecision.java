package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.model.AlertState;
import io.openclaw.hq.notify.model.NotificationKind;
import io.openclaw.hq.notify.model.Severity;
import io.openclaw.hq.notify.model.SuppressionReason;

/**
 * What {@link AlertPolicy} decided for one report: the state to store and either a notification
 * (with the severity it is routed by) or the reason nothing goes out.
 */
public record AlertDecision(AlertState next, NotificationKind notification, SuppressionReason suppressed,
        Severity routeSeverity) {

    static AlertDecision notify(AlertState next, NotificationKind kind, Severity routeSeverity) {
        return new AlertDecision(next, kind, null, routeSeverity);
    }

    static AlertDecision suppress(AlertState next, SuppressionReason reason, Severity routeSeverity) {
        return new AlertDecision(next, null, reason, routeSeverity);
    }

    public boolean notifies() {
        return notification != null;
    }
}
