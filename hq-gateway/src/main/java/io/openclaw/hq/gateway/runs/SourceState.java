package io.openclaw.hq.gateway.runs;

/** Whether one service's part of a merged view could be read, and if not, why. */
@io.quarkus.qute.TemplateData
public record SourceState(String service, boolean available, String reason) {
}
