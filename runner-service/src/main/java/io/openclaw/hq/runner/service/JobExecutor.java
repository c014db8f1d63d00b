package io.openclaw.hq.runner.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.platform.config.LoadedConfig;
import io.openclaw.hq.platform.locks.LockAttempt;
import io.openclaw.hq.platform.locks.LockHandle;
import io.openclaw.hq.platform.locks.ResourceLocks;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.runner.config.AllowedRepo;
import io.openclaw.hq.runner.config.Allowlists;
import io.openclaw.hq.runner.config.JobAllowlist;
import io.openclaw.hq.runner.config.JobType;
import io.openclaw.hq.runner.config.RepoAllowlist;
import io.openclaw.hq.runner.config.RunnerConfig;
import io.openclaw.hq.runner.git.Git;
import io.openclaw.hq.runner.git.GitException;
import io.openclaw.hq.runner.model.Invariants;
import io.openclaw.hq.runner.model.Job;
import io.openclaw.hq.runner.model.JobOutcome;
import io.openclaw.hq.runner.model.JobStatus;
import io.openclaw.hq.runner.wrapper.WrapperCatalog;
import io.openclaw.hq.runner.wrapper.WrapperProcess;
import io.openclaw.hq.runner.wrapper.WrapperResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Runs one claimed job, the reference executor's steps in order: run recorded; {@code repo:<name>}
 * locked; mirror refreshed (push disabled, fetched); worktree at the pinned commit; hooksPath in
 * its gitdir; {@code chmod -R a-w}; the wrapper with only the allowed params; read-only and
 * clean-tree checks; {@code artifact.json}; worktree removed whatever happened; job, run and alerts
 * updated.
 */
@ApplicationScoped
public class JobExecutor {

    static final String AREA = "runner";
    static final String OUTPUTS = "outputs";
    static final String PARAMS_FILE = "params.json";
    private static final Logger LOG = Logger.getLogger(JobExecutor.class);
    private static final int MAX_LISTED = 50;

    private final Allowlists allowlists;
    private final JobStore store;
    private final RunRecorder recorder;
    private final ResourceLocks locks;
    private final Workspace workspace;
    private final WrapperCatalog wrappers;
    private final JobAlerts alerts;
    private final RunnerConfig config;

    public JobExecutor(Allowlists allowlists, JobStore store, RunRecorder recorder, ResourceLocks locks,
            Workspace workspace, WrapperCatalog wrappers, JobAlerts alerts, RunnerConfig config) {
        this.allowlists = allowlists;
        this.store = store;
        this.recorder = recorder;
        this.locks = locks;
        this.workspace = workspace;
        this.wrappers = wrappers;
        this.alerts = alerts;
        this.config = config;
    }

    public JobOutcome execute(Job job) {
        LoadedConfig<JobAllowlist> jobsFile = allowlists.jobs();
        LoadedConfig<RepoAllowlist> reposFile = allowlists.repos();
        Optional<JobType> type = jobsFile.value().map(j -> j.jobs().get(job.jobType()));
        Optional<AllowedRepo> repo = reposFile.value().map(r -> r.repos().get(job.repo()));
        RunRequest request = RunRequest.of(AREA, "job:" + job.jobType(), job.trigger(), job.actor())
                .withProject(repo.map(AllowedRepo::project).orElse(null));
        RunHandle run;
        try {
            run = recorder.start(request);
            store.attachRun(job.id(), run.id());
        } catch (RuntimeException e) {
            // no run could be recorded (artifact disk, database): the job ends here, visibly, not left running
            LOG.errorf(e, "job %s: its run could not be recorded", job.id());
            JobOutcome outcome = JobOutcome.failure("RUNNER_ERROR", "the job's run could not be recorded: " + e.getMessage());
            store.finish(job.id(), outcome, Instant.now());
            return outcome;
        }
        JobOutcome outcome;
        try {
            if (type.isEmpty() || repo.isEmpty()) {
                // the allowlists changed while the job waited: it no longer runs (fail closed)
                outcome = JobOutcome.failure("NOT_ALLOWLISTED", "job type '" + job.jobType() + "' or repository '"
                        + job.repo() + "' is no longer allowlisted (or the allowlist is invalid)");
                run.log("runner: " + outcome.error());
            } else {
                outcome = underRepoLock(job, type.get(), repo.get(), run);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s stopped on an unexpected error", job.id());
            outcome = JobOutcome.failure("RUNNER_ERROR", "the runner stopped on an unexpected error: " + e.getMessage());
        }
        // the run ends before the job: whoever sees the job ended finds its run ended too
        endRun(run, job, outcome);
        store.finish(job.id(), outcome, Instant.now());
        alerts.jobEnded(job, run.id(), outcome);
        return outcome;
    }

    private JobOutcome underRepoLock(Job job, JobType type, AllowedRepo repo, RunHandle run) {
        String resource = "repo:" + job.repo();
        LockAttempt attempt = locks.tryAcquire(resource, run.id());
        if (attempt instanceof LockAttempt.Locked locked) {
            return JobOutcome.failure("REPO_LOCKED", resource + " is held by run " + locked.holderRunId());
        }
        try (LockHandle lock = ((LockAttempt.Acquired) attempt).handle()) {
            return inWorktree(job, type, repo, run);
        }
    }

    private JobOutcome inWorktree(Job job, JobType type, AllowedRepo repo, RunHandle run) {
        run.log("runner: job " + job.id() + " (" + job.jobType() + ") on " + job.repo());
        Path mirror;
        String sha;
        long t = System.nanoTime();
        try {
            mirror = workspace.mirrors().refresh(job.repo(), repo.url());
            run.log("runner: mirror fetched, push URL DISABLED (" + millisSince(t) + " ms)");
            sha = workspace.mirrors().resolve(mirror, job.requestedSha());
        } catch (GitException e) {
            run.log("runner: " + e.getMessage());
            return JobOutcome.failure(job.requestedSha() != null && e.getMessage().startsWith("resolve")
                    ? "SHA_NOT_FOUND" : "GIT_FAILED", e.getMessage());
        }
        Path worktree = workspace.worktrees().pathOf(job.id());
        Path scratch = workspace.scratchOf(job.id());
        // noted before it exists, so a restart in between still removes it
        store.noteWorktree(job.id(), sha, worktree.toString());
        try {
            t = System.nanoTime();
            workspace.worktrees().create(mirror, job.id(), sha);
            run.log("runner: worktree at " + sha + " (" + millisSince(t) + " ms)");
            return inReadOnlyTree(job, type, run, sha, worktree, scratch);
        } catch (GitException e) {
            run.log("runner: " + e.getMessage());
            return JobOutcome.failure("GIT_FAILED", e.getMessage());
        } finally {
            try {
                long removal = System.nanoTime();
                workspace.worktrees().remove(mirror, worktree);
                deleteQuietly(scratch);
                run.log("runner: worktree removed (" + millisSince(removal) + " ms)");
            } catch (RuntimeException e) {
                LOG.errorf(e, "worktree of job %s not removed", job.id());
                run.log("runner: the worktree could not be removed: " + e.getMessage());
            }
        }
    }

    private JobOutcome inReadOnlyTree(Job job, JobType type, RunHandle run, String sha, Path worktree, Path scratch) {
        ArtifactJson artifact = new ArtifactJson(job.id(), run.id(), job.jobType(), job.repo(), sha, job.params());
        try {
            if (workspace.worktrees().setHooksPath(worktree)) {
                run.log("runner: core.hooksPath=.githooks set in the worktree's gitdir config");
            }
        } catch (GitException e) {
            run.log("runner: WARNING core.hooksPath not set: " + e.getMessage());
            artifact.warn("HOOKS_PATH_NOT_SET");
        }
        long t = System.nanoTime();
        boolean chmodOk = workspace.worktrees().makeReadOnly(worktree);
        if (!chmodOk) {
            return JobOutcome.failure("READ_ONLY_FAILED", "chmod -R a-w failed on the worktree; the wrapper did not run");
        }
        run.log("runner: worktree made read-only (" + millisSince(t) + " ms)");
        Optional<Path> wrapper = wrappers.find(type.wrapper());
        if (wrapper.isEmpty()) {
            return JobOutcome.failure("WRAPPER_MISSING", "wrapper '" + type.wrapper() + "' is not installed");
        }
        Path outputs = run.directory().resolve(OUTPUTS);
        try {
            Files.createDirectories(outputs);
            Files.createDirectories(scratch.resolve("home"));
            Files.createDirectories(scratch.resolve("tmp"));
            Path params = run.directory().resolve(PARAMS_FILE);
            Files.writeString(params, ArtifactJson.JSON.writeValueAsString(new TreeMap<>(job.params())));
            run.addArtifact(params);
        } catch (IOException e) {
            throw new UncheckedIOException("preparing job " + job.id(), e);
        }
        run.log("runner: wrapper " + type.wrapper() + " starts (timeout " + type.timeoutSeconds() + " s, grace "
                + type.graceSeconds() + " s)");
        long started = System.nanoTime();
        WrapperResult result = WrapperProcess.run(wrapper.get(), worktree,
                environment(job, sha, worktree, outputs, scratch), type.timeout(), type.grace(),
                config.queue().maxOutputLines(), run::log);
        run.log("runner: wrapper ended " + (result.timedOut() ? "by timeout" : "with exit " + result.exitCode())
                + " (" + millisSince(started) + " ms)");
        if (result.outputCut()) {
            artifact.warn("OUTPUT_CUT");
        }

        long checks = System.nanoTime();
        List<String> writable = workspace.worktrees().writableEntries(worktree, MAX_LISTED);
        List<String> changed = workspace.worktrees().changedFiles(worktree);
        Invariants invariants = new Invariants(writable.isEmpty(), changed.isEmpty());
        run.log("runner: read-only " + (invariants.readOnlyOk() ? "ok" : "LOST") + ", clean tree "
                + (invariants.cleanTreeOk() ? "ok" : "NO") + " (" + millisSince(checks) + " ms)");
        artifact.mergeSizeCapMeta(outputs);

        JobOutcome outcome = judge(result, invariants, changed, writable, artifact.warnings());
        List<String> outputFiles = ArtifactJson.filesUnder(outputs);
        outputFiles.forEach(f -> run.addArtifact(outputs.resolve(f)));
        Path artifactFile = artifact.write(run.directory(), outcome.status().wire(),
                result.timedOut() ? null : result.exitCode(), outcome.errorClass(), outcome.error(), invariants,
                outcome.changedFiles(), outputFiles);
        run.addArtifact(artifactFile);
        outcome.warnings().forEach(run::warn);
        return outcome;
    }

    static JobOutcome judge(WrapperResult result, Invariants invariants, List<String> changed, List<String> writable,
            List<String> warnings) {
        if (!invariants.cleanTreeOk() || !invariants.readOnlyOk()) {
            List<String> files = new ArrayList<>(changed);
            if (files.isEmpty()) {
                writable.stream().limit(MAX_LISTED).map(w -> "writable " + w).forEach(files::add);
            }
            String error = (invariants.cleanTreeOk() ? "the worktree was made writable again: " : "the worktree changed: ")
                    + String.join(", ", files.stream().limit(MAX_LISTED).toList())
                    + (files.size() > MAX_LISTED ? " and " + (files.size() - MAX_LISTED) + " more" : "");
            return new JobOutcome(JobStatus.MUTATION_DETECTED, "MUTATION_DETECTED", error, files, invariants, warnings,
                    "MUTATION_DETECTED: " + error);
        }
        if (result.timedOut()) {
            return new JobOutcome(JobStatus.FAILURE, "TIMEOUT", "the wrapper ran past its timeout and was stopped",
                    List.of(), invariants, warnings, "timed out");
        }
        if (result.exitCode() != 0) {
            return new JobOutcome(JobStatus.FAILURE, "WRAPPER_FAILED", "the wrapper exited with " + result.exitCode(),
                    List.of(), invariants, warnings, "wrapper exit " + result.exitCode());
        }
        return new JobOutcome(JobStatus.SUCCESS, null, null, List.of(), invariants, warnings,
                warnings.isEmpty() ? "success" : "success with warnings " + String.join(", ", warnings));
    }

    /** Only what the wrapper needs: where it is, where to write, and the allowed params. No secrets. */
    private static Map<String, String> environment(Job job, String sha, Path worktree, Path outputs, Path scratch) {
        Map<String, String> env = new LinkedHashMap<>(Git.ENV);
        env.put("HOME", scratch.resolve("home").toString());
        env.put("TMPDIR", scratch.resolve("tmp").toString());
        env.put("LANG", "C.UTF-8");
        env.put("ARTIFACT_DIR", outputs.toString());
        env.put("WORKTREE", worktree.toString());
        env.put("JOB_ID", job.id());
        env.put("JOB_TYPE", job.jobType());
        env.put("JOB_SHA", sha);
        env.put("REPO_NAME", job.repo());
        env.putAll(job.params());
        return env;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void deleteQuietly(Path dir) {
        if (Files.exists(dir)) {
            io.openclaw.hq.runner.git.Commands.run(null, Workspace.GIT_TIMEOUT, Map.of(),
                    List.of("rm", "-rf", "--", dir.toString()));
        }
    }

    private static void endRun(RunHandle run, Job job, JobOutcome outcome) {
        String summary = job.jobType() + " on " + job.repo() + ": " + outcome.summary();
        if (outcome.status() == JobStatus.SUCCESS) {
            run.succeed(summary);
        } else {
            run.fail(summary, outcome.errorClass() + ": " + outcome.error());
        }
    }
}
