package io.openclaw.hq.gateway.panels;

/** One row of a panel; {@code tone} is ok, warn, bad or empty, and colours the value. */
@io.quarkus.qute.TemplateData
public record KeyValue(String key, String value, String tone) {
}
