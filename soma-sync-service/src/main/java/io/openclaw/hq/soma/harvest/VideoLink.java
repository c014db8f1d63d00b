package io.openclaw.hq.soma.harvest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A link to a hosted video: youtube, vimeo, loom, wistia or google_drive, and the provider's id. */
@RegisterForReflection
public record VideoLink(String provider, String videoId, String url) {

    public String key() {
        return provider + ":" + videoId;
    }
}
