package io.openclaw.hq.delivery;

import java.nio.file.Path;
import java.util.List;

/**
 * The change since the baseline, as the reviewer will read it: one bundle, or (over the size cap)
 * review packets, each sent as its own review of the same range.
 *
 * @param texts what is sent to the router, one per review call
 * @param bytes the size of the whole bundle as orb_review_bundle measured it
 */
public record ReviewBundle(String sinceSha, String toSha, String mode, List<String> texts, long bytes, long sizeCapBytes,
        String sha256, Path directory) {

    public boolean packets() {
        return "packets".equals(mode);
    }
}
