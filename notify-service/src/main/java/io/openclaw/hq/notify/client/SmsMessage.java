package io.openclaw.hq.notify.client;

/** One SMS, already cut to the limit. No status callback exists here on purpose: outbound only. */
public record SmsMessage(String to, String body) {

    /** Twilio's limit for one message body (it splits into segments below that). */
    public static final int MAX_BODY = 1600;

    public SmsMessage {
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("SMS body not cut to " + MAX_BODY + " characters");
        }
    }
}
