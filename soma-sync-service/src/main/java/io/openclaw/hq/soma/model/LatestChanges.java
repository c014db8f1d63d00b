package io.openclaw.hq.soma.model;

import io.openclaw.hq.soma.snapshot.ChangeSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * GET /soma/changes/latest?product=: what the product's last good snapshot found changed since the
 * one before it ({@code summary} is the run summary's one-line form).
 */
@RegisterForReflection
public record LatestChanges(String product, String slug, String runId, Instant takenAt, String summary,
        ChangeSummary changes) {
}
