package io.openclaw.hq.gateway.artifacts;

import java.time.Instant;

/** One file or folder of the artifact tree, by its path relative to the root. */
@io.quarkus.qute.TemplateData
public record ArtifactEntry(String name, String path, boolean directory, long size, Instant modified) {
}
