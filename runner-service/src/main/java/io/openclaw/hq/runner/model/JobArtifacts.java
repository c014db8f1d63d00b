package io.openclaw.hq.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * GET /jobs/{id}/artifacts: the job's artifact.json as written (null until the job ended) and
 * every file of its run folder, paths relative to the artifact root.
 */
@RegisterForReflection
public record JobArtifacts(String jobId, String runId, JobStatus status, JsonNode artifact, List<ArtifactFile> files) {

    @RegisterForReflection
    public record ArtifactFile(String path, long bytes) {
    }
}
