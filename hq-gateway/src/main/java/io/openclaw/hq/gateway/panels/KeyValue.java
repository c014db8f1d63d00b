package io.openclaw.hq.gateway.panels;

/** One row of a panel: a label in words, its value, and a tone (ok, warn, bad or empty) that colours the value. */
@io.quarkus.qute.TemplateData
public record KeyValue(String key, String value, String tone) {
}
