package io.openclaw.hq.soma.harvest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds video links in a message's text or HTML; each video once per message, in order of appearance. */
public final class VideoLinks {

    private record Rule(String provider, Pattern pattern) {
    }

    private static final String HOST_PREFIX = "https?://(?:[a-z0-9-]+\\.)*";
    private static final List<Rule> RULES = List.of(
            new Rule("youtube", Pattern.compile(HOST_PREFIX
                    + "(?:youtube\\.com/(?:watch\\?(?:[^\\s\"'<>]*?&(?:amp;)?)?v=|shorts/|embed/|live/)|youtu\\.be/)([A-Za-z0-9_-]{11})",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("vimeo", Pattern.compile(HOST_PREFIX + "vimeo\\.com/(?:video/|channels/[^/\\s\"'<>]+/)?([0-9]{6,12})",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("loom", Pattern.compile(HOST_PREFIX + "loom\\.com/(?:share|embed)/([0-9a-f]{32})",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("wistia", Pattern.compile(HOST_PREFIX
                    + "(?:wistia\\.com/medias/|wistia\\.net/embed/(?:iframe|medias)/|wi\\.st/medias/)([a-z0-9]{10})",
                    Pattern.CASE_INSENSITIVE)),
            new Rule("google_drive", Pattern.compile("https?://drive\\.google\\.com/(?:file/d/|open\\?id=|uc\\?(?:export=[a-z]+&(?:amp;)?)?id=)([A-Za-z0-9_-]{20,})",
                    Pattern.CASE_INSENSITIVE)));
    private static final Pattern URL_END = Pattern.compile("[\\s\"'<>]");

    private VideoLinks() {
    }

    public static List<VideoLink> in(String text) {
        Map<String, VideoLink> found = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<int[]> order = new ArrayList<>();
        List<VideoLink> links = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern.matcher(text);
            while (m.find()) {
                links.add(new VideoLink(rule.provider, m.group(1), url(text, m.start())));
                order.add(new int[] {m.start(), links.size() - 1});
            }
        }
        order.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int[] o : order) {
            VideoLink link = links.get(o[1]);
            found.putIfAbsent(link.key(), link);
        }
        return List.copyOf(found.values());
    }

    private static String url(String text, int start) {
        Matcher end = URL_END.matcher(text);
        int stop = end.find(start) ? end.start() : text.length();
        return text.substring(start, Math.min(stop, start + 500)).replace("&amp;", "&");
    }
}
