package io.openclaw.hq.soma.harvest;

/** video_manifest.csv: one row per distinct video, RFC 4180 quoting, a header row. */
public final class VideoManifestCsv {

    private static final String HEADER = "key,kind,provider,video_id,name,size,sha256,url,first_date,first_from,first_subject,messages";

    private VideoManifestCsv() {
    }

    public static String render(GmailVideoIndex index) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (GmailVideoIndex.Video v : index.videos()) {
            csv.append(String.join(",", field(v.key()), field(v.kind()), field(v.provider()), field(v.videoId()),
                    field(v.name()), field(v.size() == null ? null : v.size().toString()), field(v.sha256()), field(v.url()),
                    field(v.firstDate()), field(v.firstFrom()), field(v.firstSubject()),
                    field(Integer.toString(v.messageIds().size())))).append("\r\n");
        }
        return csv.toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        // a cell starting with = + - @ would be a formula in a spreadsheet; a leading quote keeps it text
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
