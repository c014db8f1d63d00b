package io.openclaw.hq.gateway.panels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bar charts drawn on the server as SVG, one bar per day with its parts stacked, and an HTML legend
 * under it. The viewBox keeps its proportions when scaled (no {@code preserveAspectRatio="none"}),
 * so labels stay readable from 390 px up. Labels are escaped; numbers are the only other input.
 */
public final class SvgCharts {

    /** One part of a bar: its value and the series it belongs to. */
    public record Part(String series, double value) {
    }

    /** One bar: the label under it (a date) and its parts, stacked bottom up in series order. */
    public record Bar(String label, List<Part> parts) {

        double total() {
            return parts.stream().mapToDouble(Part::value).sum();
        }
    }

    /** A series: its name in the legend and the CSS class that colours it. */
    public record Series(String name, String cssClass) {
    }

    static final int WIDTH = 360;
    static final int HEIGHT = 190;
    static final int TOP = 12;
    static final int BASELINE = 160;

    private SvgCharts() {
    }

    public static String stacked(String title, List<Bar> bars, List<Series> series, String unit) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">");
        double max = bars.stream().mapToDouble(Bar::total).max().orElse(0);
        if (bars.isEmpty() || max <= 0) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"90\" text-anchor=\"middle\" class=\"chart-empty\">")
                    .append(bars.isEmpty() ? "no data" : "nothing yet in these days").append("</text>");
        }
        Map<String, String> classes = new LinkedHashMap<>();
        series.forEach(s -> classes.put(s.name(), s.cssClass()));
        double scale = max <= 0 ? 0 : (BASELINE - TOP) / max;
        double slot = bars.isEmpty() ? WIDTH : (double) WIDTH / bars.size();
        double barWidth = Math.max(2, slot * 0.7);
        int labelEvery = bars.size() <= 8 ? 1 : (int) Math.ceil(bars.size() / 6.0);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x = i * slot + (slot - barWidth) / 2;
            svg.append("<g><title>").append(escape(bar.label())).append(": ");
            List<String> parts = new ArrayList<>();
            for (Part part : bar.parts()) {
                parts.add(escape(part.series()) + " " + number(part.value()) + escape(unit));
            }
            svg.append(String.join(", ", parts)).append("</title>");
            double y = BASELINE;
            for (Part part : bar.parts()) {
                double h = part.value() * scale;
                if (h <= 0) {
                    continue;
                }
                y -= h;
                rect(svg, x, y, barWidth, h, classes.getOrDefault(part.series(), "series-0"));
            }
            svg.append("</g>");
            if (i % labelEvery == 0) {
                // kept inside the viewBox, so the first and last labels are not cut off
                double centre = Math.min(WIDTH - 18, Math.max(18, x + barWidth / 2));
                svg.append("<text x=\"").append(number(centre)).append("\" y=\"").append(HEIGHT - 12)
                        .append("\" text-anchor=\"middle\" class=\"chart-label\">").append(escape(shortLabel(bar.label())))
                        .append("</text>");
            }
        }
        svg.append("<line x1=\"0\" y1=\"").append(BASELINE).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(BASELINE).append("\" class=\"chart-axis\"/>");
        if (max > 0) {
            svg.append("<text x=\"").append(WIDTH - 2).append("\" y=\"").append(TOP - 2)
                    .append("\" text-anchor=\"end\" class=\"chart-label\">highest ")
                    .append(number(max)).append(escape(unit)).append("</text>");
        }
        svg.append("</svg>");
        svg.append("<ul class=\"legend\">");
        for (Series s : series) {
            svg.append("<li><span class=\"swatch ").append(s.cssClass()).append("\"></span>").append(escape(s.name()))
                    .append("</li>");
        }
        svg.append("</ul>");
        return svg.toString();
    }

    private static void rect(StringBuilder svg, double x, double y, double w, double h, String cssClass) {
        svg.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
                .append(number(w)).append("\" height=\"").append(number(h)).append("\" class=\"").append(cssClass)
                .append("\"/>");
    }

    private static String shortLabel(String label) {
        // 2026-02-16 → 02-16: the year adds nothing on a 7- or 30-day chart
        return label != null && label.matches("\\d{4}-\\d{2}-\\d{2}.*") ? label.substring(5, 10) : label;
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
