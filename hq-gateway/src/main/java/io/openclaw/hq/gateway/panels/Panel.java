package io.openclaw.hq.gateway.panels;

import java.util.List;

/**
 * A box on a page filled from one backend call. {@code state} is ok, unavailable or
 * not-implemented; the last two carry {@code reason} and the page shows them instead of data.
 */
@io.quarkus.qute.TemplateData
public record Panel(String title, String service, String state, String reason, List<KeyValue> rows,
        List<String> lines, String svg) {

    public static Panel unavailable(String title, String service, String reason) {
        return new Panel(title, service, "unavailable", reason, List.of(), List.of(), null);
    }

    public static Panel notImplemented(String title, String service) {
        return new Panel(title, service, "not-implemented", service + " does not offer this yet", List.of(), List.of(), null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isOk() {
        return "ok".equals(state);
    }
}
