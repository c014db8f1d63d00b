package io.openclaw.hq.soma.model;

import io.openclaw.hq.soma.mirror.MirrorReport;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** GET /soma/mirror/latest: the report of the newest mirror run that succeeded, with that run. */
@RegisterForReflection
public record LatestMirror(String runId, Instant finishedAt, String summary, MirrorReport report) {
}
