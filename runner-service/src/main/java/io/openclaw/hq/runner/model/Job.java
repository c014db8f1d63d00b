package io.openclaw.hq.runner.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as stored and as answered. {@code sha} is the commit it ran at (resolved when it started;
 * {@code requestedSha} is what was asked, null for "the default branch"). {@code runId} is known
 * once the job started; {@code queuePosition} (1 = next) only while it waits.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Job(
        String id,
        String jobType,
        String repo,
        String requestedSha,
        String sha,
        Map<String, String> params,
        JobStatus status,
        Integer queuePosition,
        String runId,
        RunTrigger trigger,
        String actor,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        Long waitMs,
        Long durationMs,
        String errorClass,
        String error,
        List<String> changedFiles,
        Invariants invariants,
        List<String> warnings,
        @JsonIgnore String worktree) {

    public Job {
        params = params == null ? Map.of() : Map.copyOf(params);
        changedFiles = changedFiles == null ? List.of() : List.copyOf(changedFiles);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public Job withQueuePosition(Integer position) {
        return new Job(id, jobType, repo, requestedSha, sha, params, status, position, runId, trigger, actor,
                queuedAt, startedAt, finishedAt, waitMs, durationMs, errorClass, error, changedFiles, invariants,
                warnings, worktree);
    }
}
