package io.openclaw.hq.gateway.panels;

import java.util.ArrayList;
import java.util.List;

/**
 * A box on a page filled from one backend call. {@code state} is ok, unavailable or
 * not-implemented; the last two carry {@code reason} and the page shows them instead of data.
 * {@code asOf} is when the answer was fetched, and {@code age} says so in words when the answer is
 * older than the display cache keeps answers (otherwise empty).
 */
@io.quarkus.qute.TemplateData
public record Panel(String title, String service, String state, String reason, List<KeyValue> rows, List<Item> items,
        List<String> lines, String svg, String note, String asOf, String age) {

    public Panel {
        rows = rows == null ? List.of() : List.copyOf(rows);
        items = items == null ? List.of() : List.copyOf(items);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static Panel unavailable(String title, String service, String reason) {
        return new Panel(title, service, "unavailable", reason, null, null, null, null, null, null, null);
    }

    public static Panel notImplemented(String title, String service) {
        return new Panel(title, service, "not-implemented", service + " does not offer this yet", null, null, null, null,
                null, null, null);
    }

    public static Builder ok(String title, String service) {
        return new Builder(title, service);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isOk() {
        return "ok".equals(state);
    }

    /** The same panel saying when its data was fetched. */
    public Panel dated(String asOf, String age) {
        return new Panel(title, service, state, reason, rows, items, lines, svg, note, asOf, age);
    }

    /** Collects what an ok panel shows. */
    public static final class Builder {
        private final String title;
        private final String service;
        private final List<KeyValue> rows = new ArrayList<>();
        private final List<Item> items = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private String svg;
        private String note;

        private Builder(String title, String service) {
            this.title = title;
            this.service = service;
        }

        public Builder row(String label, String value, String tone) {
            rows.add(new KeyValue(label, value == null || value.isBlank() ? "—" : value, tone == null ? "" : tone));
            return this;
        }

        public Builder row(String label, String value) {
            return row(label, value, "");
        }

        public Builder item(Item item) {
            items.add(item);
            return this;
        }

        public Builder lines(List<String> text) {
            lines.addAll(text);
            return this;
        }

        public Builder svg(String chart) {
            this.svg = chart;
            return this;
        }

        /** A sentence under the panel's data, such as "no reports yet". */
        public Builder note(String text) {
            this.note = text;
            return this;
        }

        public Panel build() {
            return new Panel(title, service, "ok", null, rows, items, lines, svg, note, null, null);
        }
    }
}
