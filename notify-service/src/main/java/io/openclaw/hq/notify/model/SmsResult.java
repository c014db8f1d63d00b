package io.openclaw.hq.notify.model;

public record SmsResult(String runId, ChannelResult delivery) {
}
