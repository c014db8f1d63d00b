package io.openclaw.hq.soma.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** One entry of GET /soma/errors: a Soma run that failed, was interrupted or was refused. */
@RegisterForReflection
public record SomaError(String runId, String action, String status, String trigger, Instant startedAt,
        Instant finishedAt, String summary, String error) {
}
