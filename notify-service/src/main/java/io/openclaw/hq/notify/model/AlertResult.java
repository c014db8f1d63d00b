package io.openclaw.hq.notify.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to {@code POST /alerts}: which notification the alert became ({@code null} when none),
 * why it was suppressed, the run that sent it, and per channel what happened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertResult(String checkId, AlertStatus status, NotificationKind notification,
        SuppressionReason suppressed, String runId, List<ChannelResult> channels) {
}
