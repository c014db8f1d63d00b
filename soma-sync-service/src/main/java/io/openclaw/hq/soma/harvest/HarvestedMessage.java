package io.openclaw.hq.soma.harvest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One message that holds at least one video, as gmail_video_index.json lists it. */
@RegisterForReflection
public record HarvestedMessage(long uid, String messageId, String threadId, String date, String from, String subject,
        List<Attachment> attachments, List<VideoLink> links) {

    @RegisterForReflection
    public record Attachment(String name, String contentType, long size, String sha256) {
    }
}
