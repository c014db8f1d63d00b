package io.openclaw.hq.gateway.sms;

import java.time.Duration;

/**
 * Why a poll of Twilio's Messages list did not complete. {@code kind} is what the health record
 * and the alert name; {@code retryAfter} what Twilio asked for with a 429, when it did.
 */
public class TwilioPollFailure extends Exception {

    public enum Kind {
        /** 401/403: the account SID or auth token is wrong. Nothing is read until they are fixed. */
        UNAUTHORIZED,
        /** 429: Twilio asks us to slow down. */
        RATE_LIMITED,
        /** 5xx from Twilio. */
        SERVER_ERROR,
        /** No answer: refused, reset, timed out. */
        UNREACHABLE,
        /** An answer that is not the Messages list. */
        BAD_ANSWER,
        /** Another 4xx: our request is wrong (the number, the account). */
        CLIENT_ERROR
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    public TwilioPollFailure(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
