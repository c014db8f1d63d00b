package io.openclaw.hq.notify.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What happened on one channel for one recipient. {@code recipient} is masked; {@code reason} is
 * set when suppressed, {@code error} (redacted provider text) when failed or not configured.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelResult(Channel channel, DeliveryOutcome outcome, Long deliveryId, String recipient,
        String reason, String error) {

    /** delivered, suppressed, pending (still sending) or not_delivered: what the caller tells a person. */
    @JsonProperty("delivery")
    public String delivery() {
        return switch (outcome) {
            case SENT, DRY_RUN -> AlertResult.DELIVERED;
            case SUPPRESSED -> AlertResult.SUPPRESSED;
            case SENDING -> AlertResult.PENDING;
            default -> AlertResult.NOT_DELIVERED;
        };
    }

    /** Why it was not delivered (or suppressed), in words; null when it was delivered. */
    @JsonProperty("why")
    public String why() {
        if (outcome == DeliveryOutcome.SENT) {
            return null;
        }
        if (outcome == DeliveryOutcome.DRY_RUN) {
            return "dry run: logged, not sent";
        }
        return reason != null ? reason : error != null ? error : outcome.wire();
    }

    public static ChannelResult suppressed(Channel channel, SuppressionReason reason) {
        return new ChannelResult(channel, DeliveryOutcome.SUPPRESSED, null, null, reason.wire(), null);
    }
}
