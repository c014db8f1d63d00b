package io.openclaw.hq.gateway.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the gateway reads from runner-service's job API, field by field as runner-service sends it
 * ({@code contracts/runner-service/*.json}, recorded by its own tests). Statuses stay strings so a
 * new one shows as it is rather than failing the page.
 */
public final class RunnerJobsContract {

    private RunnerJobsContract() {
    }

    /** {@code GET /jobs/allowlist}: what may be submitted. Repository URLs are never sent. */
    @RegisterForReflection
    @TemplateData
    public record Allowlist(List<JobTypeSpec> jobTypes, List<RepoSpec> repos) {

        public Allowlist {
            jobTypes = jobTypes == null ? List.of() : List.copyOf(jobTypes);
            repos = repos == null ? List.of() : List.copyOf(repos);
        }
    }

    @RegisterForReflection
    @TemplateData
    public record JobTypeSpec(String jobType, String description, int timeoutSeconds, List<ParamSpec> params) {

        public JobTypeSpec {
            params = params == null ? List.of() : List.copyOf(params);
        }
    }

    /** One allowed param: its Java pattern (matched against the whole value) and whether it must be given. */
    @RegisterForReflection
    @TemplateData
    public record ParamSpec(String name, String pattern, boolean required, String description) {
    }

    @RegisterForReflection
    @TemplateData
    public record RepoSpec(String name, String description, String project) {
    }

    /** {@code GET /jobs/{id}}, an element of {@code GET /jobs}, and the job of {@code POST /jobs}. */
    @RegisterForReflection
    public record Job(String id, String jobType, String repo, String requestedSha, String sha, Map<String, String> params,
            String status, Integer queuePosition, String runId, String trigger, String actor, Instant queuedAt,
            Instant startedAt, Instant finishedAt, Long waitMs, Long durationMs, String errorClass, String error,
            List<String> changedFiles, Invariants invariants, List<String> warnings) {

        public Job {
            params = params == null ? Map.of() : Map.copyOf(params);
            changedFiles = changedFiles == null ? List.of() : List.copyOf(changedFiles);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    @RegisterForReflection
    public record Invariants(boolean readOnlyOk, boolean cleanTreeOk) {
    }

    /** {@code POST /jobs} → 202: the job is recorded and queued ({@code runId} null until it starts). */
    @RegisterForReflection
    public record JobAccepted(String jobId, String runId, Job job) {
    }

    /**
     * {@code GET /jobs/{id}/artifacts}: {@code artifact} is the job's {@code artifact.json} as the
     * wrapper run left it (null until the job ended), kept as JSON since wrappers add fields to it;
     * {@code files} are paths relative to the shared artifact root.
     */
    @RegisterForReflection
    public record JobArtifacts(String jobId, String runId, String status, JsonNode artifact, List<ArtifactFile> files) {

        public JobArtifacts {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    @RegisterForReflection
    @TemplateData
    public record ArtifactFile(String path, long bytes) {
    }
}
