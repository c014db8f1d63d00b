package io.openclaw.hq.gateway.jobs;

import io.openclaw.hq.gateway.jobs.RunnerJobsContract.Job;
import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job as the pages show it: its status with a tone, how long it waited or has been waiting,
 * the invariants as badges (null until the wrapper ran) and what changed when it mutated the tree.
 */
@TemplateData
public record JobView(String id, String jobType, String repo, String sha, String shortSha, Map<String, String> params,
        String status, String tone, Integer queuePosition, String runId, String trigger, String actor, String queuedAt,
        String waited, String duration, String errorClass, String error, List<String> changedFiles, Boolean readOnlyOk,
        Boolean cleanTreeOk, List<String> warnings) {

    static final Set<String> WAITING = Set.of("queued", "running");

    public static JobView of(Job job, Instant now) {
        String sha = job.sha() != null ? job.sha() : job.requestedSha();
        return new JobView(job.id(), job.jobType(), job.repo(), sha,
                sha == null ? "default branch head" : sha.substring(0, Math.min(12, sha.length())), job.params(),
                job.status(), tone(job.status()), job.queuePosition(), job.runId(), job.trigger(), job.actor(),
                job.queuedAt() == null ? null : job.queuedAt().toString(), waitOf(job, now), human(job.durationMs()),
                job.errorClass(), job.error(), job.changedFiles(),
                job.invariants() == null ? null : job.invariants().readOnlyOk(),
                job.invariants() == null ? null : job.invariants().cleanTreeOk(), job.warnings());
    }

    public boolean isWaiting() {
        return WAITING.contains(status);
    }

    public boolean isQueued() {
        return "queued".equals(status);
    }

    public boolean isRunning() {
        return "running".equals(status);
    }

    public boolean isMutated() {
        return "mutation_detected".equals(status);
    }

    public String link() {
        return "/jobs/" + id;
    }

    static String tone(String status) {
        if (status == null) {
            return "warn";
        }
        return switch (status) {
            case "success" -> "ok";
            case "failure", "mutation_detected", "interrupted" -> "bad";
            default -> "warn";
        };
    }

    /** Queued: waiting so far; otherwise how long it waited before a worker took it. */
    static String waitOf(Job job, Instant now) {
        if ("queued".equals(job.status()) && job.queuedAt() != null) {
            return human(Math.max(0, Duration.between(job.queuedAt(), now).toMillis())) + " so far";
        }
        return human(job.waitMs());
    }

    static String human(Long millis) {
        if (millis == null) {
            return "—";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 120) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
