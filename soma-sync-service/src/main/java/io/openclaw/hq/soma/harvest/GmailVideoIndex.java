package io.openclaw.hq.soma.harvest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * gmail_video_index.json: every message found to hold a video, and every distinct video once
 * (an attachment by its SHA-256, a link by provider and video id) with the messages it came in.
 * Each harvest adds its new messages to the previous index, so the index is the whole mailbox.
 */
@RegisterForReflection
public record GmailVideoIndex(String account, String folder, long uidValidity, long lastUid,
        List<HarvestedMessage> messages, List<Video> videos) {

    /** One distinct video. {@code kind} attachment|link; {@code first*} from its earliest message. */
    @RegisterForReflection
    public record Video(String key, String kind, String provider, String videoId, String name, Long size,
            String sha256, String url, String firstDate, String firstFrom, String firstSubject, List<String> messageIds) {
    }

    public static GmailVideoIndex merge(String account, String folder, long uidValidity, long lastUid,
            GmailVideoIndex previous, List<HarvestedMessage> added) {
        Map<String, HarvestedMessage> messages = new LinkedHashMap<>();
        if (previous != null) {
            previous.messages().forEach(m -> messages.put(m.messageId(), m));
        }
        added.forEach(m -> messages.putIfAbsent(m.messageId(), m));
        List<HarvestedMessage> all = new ArrayList<>(messages.values());
        all.sort(Comparator.comparing(HarvestedMessage::date).thenComparing(HarvestedMessage::messageId));

        Map<String, Video> videos = new TreeMap<>();
        Map<String, TreeSet<String>> seenIn = new TreeMap<>();
        for (HarvestedMessage m : all) {
            for (HarvestedMessage.Attachment a : m.attachments()) {
                String key = "sha256:" + a.sha256();
                videos.putIfAbsent(key, new Video(key, "attachment", null, null, a.name(), a.size(), a.sha256(), null,
                        m.date(), m.from(), m.subject(), List.of()));
                seenIn.computeIfAbsent(key, k -> new TreeSet<>()).add(m.messageId());
            }
            for (VideoLink l : m.links()) {
                videos.putIfAbsent(l.key(), new Video(l.key(), "link", l.provider(), l.videoId(), null, null, null, l.url(),
                        m.date(), m.from(), m.subject(), List.of()));
                seenIn.computeIfAbsent(l.key(), k -> new TreeSet<>()).add(m.messageId());
            }
        }
        List<Video> distinct = new ArrayList<>();
        videos.forEach((key, v) -> distinct.add(new Video(v.key(), v.kind(), v.provider(), v.videoId(), v.name(), v.size(),
                v.sha256(), v.url(), v.firstDate(), v.firstFrom(), v.firstSubject(), List.copyOf(seenIn.get(key)))));
        return new GmailVideoIndex(account, folder, uidValidity, lastUid, List.copyOf(all), List.copyOf(distinct));
    }
}
