package io.openclaw.hq.notify.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer to {@code POST /alerts}: which notification the alert became ({@code null} when none),
 * why it was suppressed, the run that sent it, and per channel what happened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertResult(String checkId, AlertStatus status, NotificationKind notification,
        SuppressionReason suppressed, String runId, List<ChannelResult> channels) {

    public static final String DELIVERED = "delivered";
    public static final String SUPPRESSED = "suppressed";
    public static final String PENDING = "pending";
    public static final String NOT_DELIVERED = "not_delivered";

    /**
     * The alert as a whole: delivered when at least one channel delivered it, suppressed by notify's
     * rules, pending while a channel is still sending, else not_delivered.
     */
    @JsonProperty("delivery")
    public String delivery() {
        if (suppressed != null || channels == null || channels.isEmpty()) {
            return SUPPRESSED;
        }
        List<String> each = channels.stream().map(ChannelResult::delivery).toList();
        if (each.contains(DELIVERED)) {
            return DELIVERED;
        }
        if (each.contains(PENDING)) {
            return PENDING;
        }
        return each.stream().allMatch(SUPPRESSED::equals) ? SUPPRESSED : NOT_DELIVERED;
    }

    /** Why, in words, naming each channel that did not deliver; null when every channel delivered. */
    @JsonProperty("why")
    public String why() {
        if (suppressed != null) {
            return suppressed.wire();
        }
        if (channels == null || channels.isEmpty()) {
            return "no channel receives alerts of this severity";
        }
        String notDelivered = channels.stream().filter(c -> !DELIVERED.equals(c.delivery()))
                .map(c -> c.channel().wire() + (c.recipient() == null ? "" : " " + c.recipient()) + ": " + c.why())
                .collect(java.util.stream.Collectors.joining("; "));
        return notDelivered.isEmpty() ? null : notDelivered;
    }
}
