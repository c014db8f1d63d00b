package io.openclaw.hq.runner.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The 202 answer to POST /jobs: the job is recorded and queued. {@code runId} is null until a
 * worker starts it (the platform's runs are created running); follow {@code GET /jobs/{jobId}}.
 */
@RegisterForReflection
public record JobAccepted(String jobId, String runId, Job job) {

    public static JobAccepted of(Job job) {
        return new JobAccepted(job.id(), job.runId(), job);
    }
}
