package io.openclaw.hq.notify.client;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * One Pushover message, already cut to Pushover's limits. {@code retrySeconds} and
 * {@code expireSeconds} only for priority 2 (emergency). No {@code callback} and no {@code url}
 * field exist here on purpose: notifications are outbound only.
 */
public record PushoverMessage(String title, String message, int priority, Integer retrySeconds,
        Integer expireSeconds) {

    public static final int MAX_TITLE = 250;
    public static final int MAX_MESSAGE = 1024;
    public static final int EMERGENCY = 2;
    public static final int MIN_RETRY_SECONDS = 30;

    public PushoverMessage {
        if (priority < -2 || priority > 2) {
            throw new IllegalArgumentException("Pushover priority must be -2..2, was " + priority);
        }
        if (priority == EMERGENCY && (retrySeconds == null || retrySeconds < MIN_RETRY_SECONDS || expireSeconds == null)) {
            throw new IllegalArgumentException("an emergency message needs retry >= 30 s and expire");
        }
        if (title.length() > MAX_TITLE || message.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("message not cut to Pushover's limits");
        }
    }

    MultivaluedMap<String, String> toForm(String token, String user) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("token", token);
        form.putSingle("user", user);
        form.putSingle("title", title);
        form.putSingle("message", message);
        form.putSingle("priority", Integer.toString(priority));
        if (priority == EMERGENCY) {
            form.putSingle("retry", Integer.toString(retrySeconds));
            form.putSingle("expire", Integer.toString(expireSeconds));
        }
        return form;
    }
}
