package io.openclaw.hq.soma.mirror;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** changelog.md: the mirror report as the library's owner reads it, one section per kind of difference. */
public final class Changelog {

    private static final Map<String, String> HEADINGS = new LinkedHashMap<>();

    static {
        HEADINGS.put("missing_in_target", "Missing in %2$s (present in %1$s)");
        HEADINGS.put("missing_in_source", "Only in %2$s (missing in %1$s)");
        HEADINGS.put("title_mismatch", "Titles that differ");
        HEADINGS.put("order_drift", "Order drift");
        HEADINGS.put("publish_drift", "Publish state drift");
    }

    private Changelog() {
    }

    public static String render(MirrorReport report) {
        String source = report.source().product();
        String target = report.target().product();
        StringBuilder md = new StringBuilder();
        md.append("# Mirror report: ").append(source).append(" → ").append(target).append("\n\n");
        md.append("Compared snapshot ").append(report.source().snapshotRunId()).append(" of ").append(source)
                .append(" with snapshot ").append(report.target().snapshotRunId()).append(" of ").append(target)
                .append(". Read-only: nothing was changed in Kajabi.\n\n");
        if (report.findings().isEmpty()) {
            md.append("The two libraries match: every module and lesson has its twin, same title, same place, same publish state.\n");
            return md.toString();
        }
        md.append(report.differences()).append(" difference(s).\n");
        for (Map.Entry<String, String> section : HEADINGS.entrySet()) {
            List<MirrorFinding> of = report.findings().stream().filter(f -> f.kind().equals(section.getKey())).toList();
            if (of.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(String.format(section.getValue(), source, target)).append(" (").append(of.size())
                    .append(")\n\n");
            for (MirrorFinding f : of) {
                md.append("- ").append(line(f)).append('\n');
            }
        }
        return md.toString();
    }

    private static String line(MirrorFinding f) {
        MirrorFinding.Item shown = f.source() != null ? f.source() : f.target();
        String where = f.level() + " \"" + escape(shown.title()) + "\" (" + ("module".equals(f.level()) ? "course" : "module")
                + " \"" + escape(shown.module()) + "\", place " + shown.place() + ")";
        return switch (f.kind()) {
            case "title_mismatch" -> f.level() + " \"" + escape(f.source().title()) + "\" is \"" + escape(f.target().title())
                    + "\" in the target" + (f.detail() == null ? "" : " (" + f.detail() + ")");
            case "missing_in_target", "missing_in_source" -> where;
            default -> where + ": " + f.detail();
        };
    }

    private static String escape(String text) {
        return text.replace("\n", " ").replace("\"", "\\\"");
    }
}
