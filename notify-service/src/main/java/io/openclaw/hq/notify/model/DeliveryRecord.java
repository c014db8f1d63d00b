package io.openclaw.hq.notify.model;

import java.time.Instant;

/**
 * One row of the delivery log. Written with status {@code sending} before the provider is called and
 * updated after, so a crash mid-send leaves a visible record. {@code recipient} is masked and
 * {@code error} redacted; no credential ever reaches this row.
 */
public record DeliveryRecord(long id, Instant createdAt, Instant finishedAt, String runId, String checkId,
        NotificationKind kind, Channel channel, String recipient, Severity severity, String title,
        DeliveryOutcome status, Integer providerStatus, String providerReference, String error) {
}
