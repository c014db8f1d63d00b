package io.openclaw.hq.gateway.sms;

import java.time.Instant;

/**
 * How the inbound SMS poller is doing, for HQ to show: {@code state} is {@code ok},
 * {@code failing}, {@code unauthorized} (Twilio refused the credentials: nothing is read until they
 * are fixed), {@code not_configured} (a Twilio secret is missing; {@code lastError} names it),
 * {@code off} (polling switched off) or {@code starting}.
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record SmsPollerHealth(String state, boolean scheduled, Instant lastPollAt, Instant lastSuccessAt,
        int consecutiveFailures, String lastErrorClass, String lastError, Instant lastErrorAt, Instant nextPollAt,
        boolean alerting, long messagesHandled) {
}
