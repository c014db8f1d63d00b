package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.model.NotificationKind;
import io.openclaw.hq.notify.model.Severity;

/**
 * Shapes a notification for a channel and cuts it to the channel's limit with a visible marker, so a
 * provider never refuses a message for its length and the reader sees that something was cut.
 */
public final class MessageText {

    public static final String CUT_MARKER = "…[truncated]";

    private MessageText() {
    }

    public static String title(Notification n) {
        return "[" + n.kind().label() + "] " + n.title();
    }

    public static String body(Notification n) {
        if (n.kind() == NotificationKind.MESSAGE) {
            return n.message();
        }
        String text = n.message() == null || n.message().isBlank() ? "" : n.message().strip() + "\n";
        return text + "check " + n.checkId() + " · " + n.severity().wire() + " · from " + n.source();
    }

    /** One SMS: title and body in one text, as a phone shows no separate title. */
    public static String sms(Notification n) {
        if (n.kind() == NotificationKind.MESSAGE) {
            return n.message();
        }
        return "OpenClaw " + title(n) + "\n" + body(n);
    }

    /** {@code text} itself when it fits, else its start and {@link #CUT_MARKER}, exactly {@code limit} long. */
    public static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int keep = limit - CUT_MARKER.length();
        // never split a surrogate pair: half an emoji would make the provider refuse the text
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + CUT_MARKER;
    }

    /** Pushover priority -2..2 by severity; only an alert can be an emergency, a reminder or all-clear never wakes anyone twice. */
    public static int pushoverPriority(NotificationKind kind, Severity severity) {
        int priority = switch (severity) {
            case INFO -> -1;
            case WARNING -> 0;
            case CRITICAL -> 1;
            case EMERGENCY -> 2;
        };
        if (kind == NotificationKind.RESOLVED) {
            return Math.min(priority, 0);
        }
        if (kind != NotificationKind.ALERT && kind != NotificationKind.FLAPPING) {
            return Math.min(priority, 1);
        }
        return priority;
    }
}
