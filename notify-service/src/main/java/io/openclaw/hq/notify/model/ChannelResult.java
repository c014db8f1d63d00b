package io.openclaw.hq.notify.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What happened on one channel for one recipient. {@code recipient} is masked; {@code reason} is
 * set when suppressed, {@code error} (redacted provider text) when failed or not configured.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelResult(Channel channel, DeliveryOutcome outcome, Long deliveryId, String recipient,
        String reason, String error) {

    public static ChannelResult suppressed(Channel channel, SuppressionReason reason) {
        return new ChannelResult(channel, DeliveryOutcome.SUPPRESSED, null, null, reason.wire(), null);
    }
}
