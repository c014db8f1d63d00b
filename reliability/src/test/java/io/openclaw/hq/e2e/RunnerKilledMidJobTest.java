package io.openclaw.hq.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Crashes, continued: runner-service {@code kill -9}ed while a job's wrapper is running, with a
 * second job of the same repository queued behind it (one job per repository at a time). A git
 * repository made here, allowlisted by its file URL in the suite's copy of repo_allowlist.json
 * (runner-service reads it on every submission); the first job is an {@code orb_score_run} over
 * a folder of some thousands of small CSV logs (the wrapper forks a few processes per file, so it
 * runs for tens of seconds), the second over a folder of one. After the restart
 * (docs/runner-service.md, "Restart"): the killed job is {@code interrupted} ({@code INTERRUPTED}),
 * its worktree removed and no worktree left registered in the mirror, its run record
 * {@code interrupted}; the queued job runs to {@code success}; each job has exactly one run and
 * the killed one is not started again.
 */
@Order(65)
class RunnerKilledMidJobTest {

    static final String REPO = "rel-slow-orb";
    static final int SLOW_FILES = Integer.getInteger("reliability.runner.slowFiles", 2500);

    @Test
    void aJobRunningAtTheKillIsInterruptedItsWorktreeRemovedAndTheQueuedOneStillRuns() throws Exception {
        Suite suite = Suite.get();
        Path git = makeRepository(suite);
        Path allowlist = suite.config.resolve("repo_allowlist.json");
        String shipped = Files.readString(allowlist);
        Instant since = Instant.now();
        try {
            Files.writeString(allowlist, """
                    { "repos": {
                        "algo-nt8-orb": { "url": "https://git.example.org/openclaw/algo-nt8-orb.git" },
                        "%s": { "url": "file://%s", "description": "made by RunnerKilledMidJobTest",
                                "project": "clip_factory_monitoring" } } }
                    """.formatted(REPO, git.toAbsolutePath()));
            String slow = submit(suite, "runs/slow");
            String queued = submit(suite, "runs/small");

            Reliability.await("job " + slow + " running with its worktree", Duration.ofSeconds(120), () -> {
                JsonNode job = Reliability.tryBackend(suite, "runner-service", "/jobs/" + slow);
                return job != null && job.path("status").asText().equals("running") && Files.isDirectory(worktree(suite, slow));
            });
            // let the wrapper get going, then make sure it is still at work when the kill comes
            Reliability.pause(1500);
            JsonNode before = suite.backend("runner-service", "/jobs/" + slow);
            assertThat(before.path("status").asText()).as("the slow job must still run at the kill (raise "
                    + "reliability.runner.slowFiles): %s", before).isEqualTo("running");
            assertThat(suite.backend("runner-service", "/jobs/" + queued).path("status").asText())
                    .as("the second job waits behind the first (same repository)").isEqualTo("queued");
            String slowRun = before.path("runId").asText();
            long outputLines = lines(suite.artifacts.resolve("runner/" + slowRun + "/output.log"));

            suite.kill("runner-service");
            suite.startAgain("runner-service");

            JsonNode killed = suite.backend("runner-service", "/jobs/" + slow);
            assertThat(killed.path("status").asText()).as("the killed job after restart: %s", killed).isEqualTo("interrupted");
            assertThat(killed.path("errorClass").asText()).isEqualTo("INTERRUPTED");
            JsonNode run = Reliability.awaitEnded(suite, "runner-service", slowRun, Duration.ofSeconds(30));
            assertThat(run.path("status").asText()).as("its run record: %s", run).isEqualTo("interrupted");
            JsonNode runFile = Operator.parse(Files.readString(suite.artifacts.resolve("runner/" + slowRun + "/run.json")));
            assertThat(runFile.path("status").asText()).as("its run.json: %s", runFile).isEqualTo("interrupted");
            assertThat(Files.exists(worktree(suite, slow))).as("its worktree %s", worktree(suite, slow)).isFalse();

            JsonNode next = awaitJobEnded(suite, queued, Duration.ofSeconds(180));
            assertThat(next.path("status").asText()).as("the job queued behind it: %s", next).isEqualTo("success");
            assertThat(Reliability.awaitEnded(suite, "runner-service", next.path("runId").asText(), Duration.ofSeconds(30))
                    .path("status").asText()).isEqualTo("success");

            // exactly one run per job; the killed job was not started again
            List<List<String>> runs = Reliability.rows(suite, "SELECT id, status FROM runner.runs WHERE action = "
                    + "'job:orb_score_run' AND started_at >= '" + since + "' ORDER BY started_at");
            assertThat(runs).as("runs of the two jobs").containsExactly(List.of(slowRun, "interrupted"),
                    List.of(next.path("runId").asText(), "success"));
            JsonNode still = suite.backend("runner-service", "/jobs/" + slow);
            assertThat(still.path("status").asText()).isEqualTo("interrupted");
            assertThat(still.path("runId").asText()).isEqualTo(slowRun);
            assertThat(leftoverWorktrees(suite)).as("worktree folders left").isEmpty();
            String registered = git(suite.root.resolve("runner-work/mirrors/" + REPO + ".git"), "worktree", "list", "--porcelain");
            assertThat(registered.lines().filter(l -> l.startsWith("worktree ")).count())
                    .as("worktrees still registered in the mirror: %s", registered).isEqualTo(1);

            Reliability.figure("crash/runner mid-job", "%d-file score job killed %d output lines in (run %s): interrupted "
                    + "(INTERRUPTED), run interrupted, worktree removed, mirror lists only itself; the job queued behind "
                    + "it waited %s ms and ran to success in %s ms; %d runs for 2 jobs", SLOW_FILES, outputLines, slowRun,
                    next.path("waitMs").asText(), next.path("durationMs").asText(), runs.size());
        } finally {
            Files.writeString(allowlist, shipped);
        }
    }

    private static String submit(Suite suite, String runDir) {
        JsonNode accepted = suite.backendPost("runner-service", "/jobs", "{\"jobType\":\"orb_score_run\",\"repo\":\""
                + REPO + "\",\"params\":{\"RUN_DIR\":\"" + runDir + "\"}}");
        return accepted.path("jobId").asText();
    }

    private static JsonNode awaitJobEnded(Suite suite, String jobId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            job = Reliability.tryBackend(suite, "runner-service", "/jobs/" + jobId);
            if (job != null && !List.of("queued", "running").contains(job.path("status").asText())) {
                return job;
            }
            Reliability.pause(300);
        }
        throw new AssertionError("job " + jobId + " did not end within " + timeout + "; last seen " + job);
    }

    private static Path worktree(Suite suite, String jobId) {
        return suite.root.resolve("runner-work/worktrees/" + jobId);
    }

    private static List<Path> leftoverWorktrees(Suite suite) throws IOException {
        Path dir = suite.root.resolve("runner-work/worktrees");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    /** A repository with {@code runs/slow} (many small CSV logs with a pnl column) and {@code runs/small} (one). */
    private static Path makeRepository(Suite suite) throws IOException, InterruptedException {
        Path git = suite.root.resolve("reliability-git/" + REPO);
        Path slow = Files.createDirectories(git.resolve("runs/slow"));
        Path small = Files.createDirectories(git.resolve("runs/small"));
        for (int i = 0; i < SLOW_FILES; i++) {
            Files.writeString(slow.resolve(String.format("trades-%05d.csv", i)), "time,pnl\n09:30," + (i % 7 - 3) + ".5\n");
        }
        Files.writeString(small.resolve("trades.csv"), "time,pnl\n09:30,1.5\n");
        git(git, "init", "-q", "-b", "main");
        git(git, "add", "-A");
        git(git, "-c", "user.name=reliability", "-c", "user.email=reliability@example.invalid", "commit", "-q", "-m", "runs");
        return git;
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of("git"), Stream.of(args)).toList();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
