package io.openclaw.hq.gateway.panels;

import java.util.List;
import java.util.Locale;

/**
 * Bar charts drawn on the server as SVG: no script, and the viewBox scales them to a phone.
 * Labels are escaped; numbers are the only other input.
 */
public final class SvgCharts {

    /** One bar: a label under it and up to two stacked values (pass below, fail on top). */
    public record Bar(String label, double low, double high) {
    }

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    static final int BASELINE = 130;

    private SvgCharts() {
    }

    public static String stacked(String title, List<Bar> bars, String lowClass, String highClass, String unit) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\" preserveAspectRatio=\"none\">");
        if (bars.isEmpty()) {
            svg.append("<text x=\"10\" y=\"80\" class=\"chart-empty\">no data</text></svg>");
            return svg.toString();
        }
        double max = bars.stream().mapToDouble(b -> b.low() + b.high()).max().orElse(0);
        double scale = max <= 0 ? 0 : (BASELINE - 10) / max;
        double slot = (double) WIDTH / bars.size();
        double barWidth = Math.max(2, slot * 0.7);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x = i * slot + (slot - barWidth) / 2;
            double lowHeight = bar.low() * scale;
            double highHeight = bar.high() * scale;
            svg.append("<g><title>").append(escape(bar.label())).append(": ").append(number(bar.low()));
            if (highClass != null) {
                svg.append(" / ").append(number(bar.high()));
            }
            svg.append(escape(unit)).append("</title>");
            rect(svg, x, BASELINE - lowHeight, barWidth, lowHeight, lowClass);
            if (highClass != null) {
                rect(svg, x, BASELINE - lowHeight - highHeight, barWidth, highHeight, highClass);
            }
            svg.append("</g>");
            if (bars.size() <= 10 || i % Math.max(1, bars.size() / 6) == 0) {
                svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(HEIGHT - 12)
                        .append("\" class=\"chart-label\">").append(escape(shortLabel(bar.label()))).append("</text>");
            }
        }
        svg.append("<line x1=\"0\" y1=\"").append(BASELINE).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(BASELINE).append("\" class=\"chart-axis\"/></svg>");
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
