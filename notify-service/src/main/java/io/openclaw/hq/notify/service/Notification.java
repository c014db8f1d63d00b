package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.model.NotificationKind;
import io.openclaw.hq.notify.model.Severity;

/** Something the operator is to be told, before it is shaped for a channel. {@code checkId} is null for a direct SMS. */
public record Notification(NotificationKind kind, String checkId, Severity severity, String title, String message,
        String source) {
}
