import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * runner-service bench. The packaged service (quarkus-run.jar, %prod profile) against an embedded
 * PostgreSQL, notify-service faked by WireMock, git repositories generated here.
 *
 * Part 1: orb_review_bundle on a repository of 10,000 files (100 folders of 100) whose second
 * commit changes 100 of them: the job's own duration (fetch, worktree of 10,000 files, hooksPath,
 * chmod -R a-w, the wrapper, the write-bit walk and git status, artifact.json, worktree removal)
 * under the bundle cap and with FORCE_SIZE_CAP=1. Target: <= 2 s.
 *
 * Part 2: 500 no-op jobs over 4 small repositories submitted from 8 client threads as fast as the
 * API takes them; 2 workers. Throughput (first queued to last finished), queue wait (queued to
 * started) p50/p99/max; every job must end success exactly once: the no-op wrapper appends its
 * JOB_ID to a ledger file, and the ledger, the jobs table and the runs table are each counted.
 *
 * Usage: java -cp <runner-service test classpath> RunnerBench.java <quarkus-run.jar> <config/job_allowlist.json> [all|review|queue]
 */
public class RunnerBench {

    static final String TOKEN = "hqint-bench-0123456789abcdef0123";
    static final int FILES = 10_000;
    static final int CHANGED = 100;
    static final int REVIEW_RUNS = 5;
    static final int NOOP_JOBS = 500;
    static final int NOOP_REPOS = 4;
    static final int CLIENTS = 8;
    static final ObjectMapper JSON = new ObjectMapper();
    /** "runner: <step> ... (<n> ms)" lines of a job's output. */
    static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile(
            "runner: (mirror fetched|worktree at|worktree made read-only|wrapper ended|read-only|worktree removed)[^(]*\\((\\d+) ms\\)");

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        String shippedJobs = Files.readString(Path.of(args[1]));
        String parts = args.length > 2 ? args[2] : "all";
        Path work = Files.createTempDirectory("runner-bench");
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Files.writeString(secrets.resolve("hq_internal_token"), TOKEN + "\n");
        Path config = Files.createDirectories(work.resolve("config"));
        Path wrappers = Files.createDirectories(work.resolve("wrappers"));
        Path ledger = work.resolve("ledger.txt");
        Files.writeString(wrappers.resolve("bench_noop.sh"),
                "#!/usr/bin/env bash\nset -euo pipefail\necho \"$JOB_ID\" >> '" + ledger + "'\necho noop\n");
        Files.writeString(config.resolve("job_allowlist.json"), shippedJobs.replaceFirst("\"jobs\"\\s*:\\s*\\{",
                "\"jobs\": {\"bench_noop\": {\"wrapper\": \"bench_noop\", \"allowed_params\": {},"
                        + " \"requires_repo_allowlist\": true, \"timeout_seconds\": 60, \"grace_seconds\": 1},"));

        long t0 = System.nanoTime();
        Path big = work.resolve("repos/big");
        generateBigRepository(big);
        String base = git(big, "rev-list", "--max-parents=0", "HEAD");
        System.out.printf("generated %d-file repository (%d changed in the second commit) in %.1f s%n", FILES, CHANGED,
                (System.nanoTime() - t0) / 1e9);
        StringBuilder repos = new StringBuilder("{\"repos\": {\"big\": {\"url\": \"file://" + big + "\"}");
        for (int i = 0; i < NOOP_REPOS; i++) {
            Path small = work.resolve("repos/small" + i);
            Files.createDirectories(small);
            git(small, "init", "-q", "-b", "main");
            Files.writeString(small.resolve("README.md"), "small " + i + "\n");
            git(small, "add", "README.md");
            git(small, "commit", "-q", "-m", "initial");
            repos.append(", \"small").append(i).append("\": {\"url\": \"file://").append(small).append("\"}");
        }
        Files.writeString(config.resolve("repo_allowlist.json"), repos.append("}}").toString());

        EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
        WireMockServer notify = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        notify.start();
        notify.stubFor(post(urlPathEqualTo("/alerts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        int port = freePort();
        ProcessBuilder service = new ProcessBuilder("java", "-Xmx256m", "-XX:+UseSerialGC",
                "-Drunner.wrappers.extra-dir=" + wrappers, "-Drunner.queue.capacity=1000",
                "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
        Map<String, String> env = service.environment();
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("DB_URL", pg.getJdbcUrl("postgres", "postgres"));
        env.put("DB_USER", "postgres");
        env.put("OPENCLAW_SECRETS_DIR", secrets.toString());
        env.put("OPENCLAW_CONFIG_DIR", config.toString());
        env.put("OPENCLAW_ARTIFACTS_ROOT", Files.createDirectories(work.resolve("artifacts")).toString());
        env.put("RUNNER_WORK_DIR", Files.createDirectories(work.resolve("runner")).toString());
        env.put("NOTIFY_URL", notify.baseUrl());
        env.put("QUARKUS_LOG_FILE_ENABLED", "false");
        Files.writeString(secrets.resolve("db_password_postgres"), "postgres\n");
        Process process = service.start();
        int exit = 0;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String url = "http://127.0.0.1:" + port;
            long bootStart = System.nanoTime();
            waitUntilReady(http, url, process);
            System.out.printf("service ready after %.1f s%n", (System.nanoTime() - bootStart) / 1e9);

            if (!parts.equals("queue")) {
            System.out.println("\n## Part 1: worktree + orb_review_bundle, 10,000-file repository");
            JsonNode first = runAndWait(http, url, "{\"jobType\":\"orb_review_bundle\",\"repo\":\"big\",\"params\":{\"SINCE_SHA\":\"" + base + "\"}}");
            System.out.printf("first job (includes the mirror clone): %s in %d ms%n", first.get("status").asText(),
                    first.get("durationMs").asLong());
            // The floor the job cannot go below: git itself checking out (with the runner's parallel
            // checkout, checkout.workers=4) and removing the same 10,000 files from a bare clone, measured
            // between the jobs of this run so that both see the same machine.
            Path floorMirror = work.resolve("floor.git");
            git(work, "clone", "-q", "--bare", "file://" + big, floorMirror.toString());
            String head = git(floorMirror, "rev-parse", "HEAD");
            List<Long> floor = new ArrayList<>();
            for (String forced : List.of("0", "1")) {
                List<Long> durations = new ArrayList<>();
                List<Long> endToEnd = new ArrayList<>();
                Map<String, List<Long>> steps = new java.util.LinkedHashMap<>();
                for (int i = 0; i < REVIEW_RUNS; i++) {
                    Path floorTree = work.resolve("floor-tree");
                    long floorStart = System.nanoTime();
                    git(floorMirror, "-c", "checkout.workers=4", "worktree", "add", "-q", "--detach", floorTree.toString(), head);
                    git(floorMirror, "worktree", "remove", "--force", "--force", floorTree.toString());
                    floor.add((System.nanoTime() - floorStart) / 1_000_000);
                    long start = System.nanoTime();
                    JsonNode job = runAndWait(http, url, "{\"jobType\":\"orb_review_bundle\",\"repo\":\"big\",\"params\":{\"SINCE_SHA\":\""
                            + base + "\",\"FORCE_SIZE_CAP\":\"" + forced + "\"}}");
                    endToEnd.add((System.nanoTime() - start) / 1_000_000);
                    if (!"success".equals(job.get("status").asText())) {
                        System.out.println("FAILED: " + job);
                        exit = 1;
                    }
                    durations.add(job.get("durationMs").asLong());
                    for (JsonNode line : get(http, url + "/runs/" + job.get("runId").asText() + "/log").get("lines")) {
                        java.util.regex.Matcher m = STEP.matcher(line.asText());
                        if (m.matches()) {
                            steps.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Long.parseLong(m.group(2)));
                        }
                    }
                }
                Collections.sort(durations);
                Collections.sort(endToEnd);
                System.out.printf("FORCE_SIZE_CAP=%s, %d runs: job duration median %d ms, max %d ms; submit-to-finished median %d ms, max %d ms%s%n",
                        forced, REVIEW_RUNS, durations.get(REVIEW_RUNS / 2), durations.get(REVIEW_RUNS - 1),
                        endToEnd.get(REVIEW_RUNS / 2), endToEnd.get(REVIEW_RUNS - 1),
                        durations.get(REVIEW_RUNS - 1) <= 2000 ? "  (<= 2 s: OK)" : "  (over 2 s)");
                StringBuilder medians = new StringBuilder("  step medians:");
                steps.forEach((step, values) -> {
                    Collections.sort(values);
                    medians.append(' ').append(step).append(' ').append(values.get(values.size() / 2)).append(" ms;");
                });
                System.out.println(medians);
                List<Long> floorSorted = new ArrayList<>(floor);
                Collections.sort(floorSorted);
                long floorMedian = floorSorted.get(floorSorted.size() / 2);
                System.out.printf("  bare git floor (worktree add with checkout.workers=4 + remove, same run) median %d ms; job / floor = %.2f%n",
                        floorMedian, durations.get(REVIEW_RUNS / 2) / (double) floorMedian);
            }
            }
            if (!parts.equals("review")) {

            System.out.println("\n## Part 2: " + NOOP_JOBS + " no-op jobs over " + NOOP_REPOS + " repositories, " + CLIENTS + " client threads");
            // warm the small mirrors so the measured run does not include their first clone
            for (int i = 0; i < NOOP_REPOS; i++) {
                runAndWait(http, url, "{\"jobType\":\"bench_noop\",\"repo\":\"small" + i + "\",\"params\":{}}");
            }
            Files.deleteIfExists(ledger);
            Set<String> submitted = Collections.synchronizedSet(new HashSet<>());
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long start = System.nanoTime();
            List<Future<?>> sends = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                sends.add(clients.submit(() -> {
                    for (int i = client; i < NOOP_JOBS; i += CLIENTS) {
                        JsonNode accepted = send(http, url, "{\"jobType\":\"bench_noop\",\"repo\":\"small" + (i % NOOP_REPOS) + "\",\"params\":{}}");
                        submitted.add(accepted.get("jobId").asText());
                    }
                    return null;
                }));
            }
            for (Future<?> f : sends) {
                f.get();
            }
            long submittedAt = System.nanoTime();
            clients.shutdown();
            List<JsonNode> jobs;
            while (true) {
                jobs = new ArrayList<>();
                JsonNode list = get(http, url + "/jobs?limit=" + NOOP_JOBS);
                int open = 0;
                for (JsonNode j : list) {
                    if (submitted.contains(j.get("id").asText())) {
                        jobs.add(j);
                        String s = j.get("status").asText();
                        if (s.equals("queued") || s.equals("running")) {
                            open++;
                        }
                    }
                }
                if (open == 0 && jobs.size() == submitted.size()) {
                    break;
                }
                Thread.sleep(200);
            }
            long wall = System.nanoTime() - start;
            Instant firstQueued = jobs.stream().map(j -> Instant.parse(j.get("queuedAt").asText())).min(Instant::compareTo).orElseThrow();
            Instant lastFinished = jobs.stream().map(j -> Instant.parse(j.get("finishedAt").asText())).max(Instant::compareTo).orElseThrow();
            List<Long> waits = new ArrayList<>(jobs.stream().map(j -> j.get("waitMs").asLong()).toList());
            List<Long> durations = new ArrayList<>(jobs.stream().map(j -> j.get("durationMs").asLong()).toList());
            Collections.sort(waits);
            Collections.sort(durations);
            long success = jobs.stream().filter(j -> j.get("status").asText().equals("success")).count();
            double seconds = Duration.between(firstQueued, lastFinished).toMillis() / 1000.0;
            System.out.printf("submitted %d in %.2f s; all ended after %.1f s%n", submitted.size(),
                    (submittedAt - start) / 1e9, wall / 1e9);
            System.out.printf("throughput: %.1f jobs/s (first queued to last finished, %.1f s)%n", jobs.size() / seconds, seconds);
            System.out.printf("queue wait p50 / p99 / max: %d / %d / %d ms%n", pct(waits, 50), pct(waits, 99), waits.get(waits.size() - 1));
            System.out.printf("job duration p50 / p99 / max: %d / %d / %d ms%n", pct(durations, 50), pct(durations, 99),
                    durations.get(durations.size() - 1));

            List<String> ledgerLines = Files.readAllLines(ledger);
            Set<String> ran = new HashSet<>(ledgerLines);
            long rows;
            long runs;
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM runner.jobs WHERE job_type = 'bench_noop' AND status = 'success'")) {
                    rs.next();
                    rows = rs.getLong(1) - NOOP_REPOS;
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM runner.runs WHERE action = 'job:bench_noop'")) {
                    rs.next();
                    runs = rs.getLong(1) - NOOP_REPOS;
                }
            }
            boolean exact = success == NOOP_JOBS && ledgerLines.size() == NOOP_JOBS && ran.equals(submitted)
                    && rows == NOOP_JOBS && runs == NOOP_JOBS;
            System.out.printf("counted: %d success of %d submitted; ledger %d lines, %d distinct, same ids as submitted: %s; "
                    + "job rows %d; runs %d -> %s%n", success, submitted.size(), ledgerLines.size(), ran.size(),
                    ran.equals(submitted), rows, runs, exact ? "OK (none lost, none twice)" : "MISMATCH");
            if (!exact) {
                exit = 1;
            }
            }
            System.out.printf("service RSS after the run: %d MiB%n", rssMiB(process.pid()));
        } finally {
            process.destroy();
            process.waitFor();
            notify.stop();
            pg.close();
        }
        System.exit(exit);
    }

    static void generateBigRepository(Path repo) throws Exception {
        Files.createDirectories(repo);
        git(repo, "init", "-q", "-b", "main");
        for (int d = 0; d < FILES / 100; d++) {
            Path dir = Files.createDirectories(repo.resolve(String.format("src/m%02d", d)));
            for (int f = 0; f < 100; f++) {
                Files.writeString(dir.resolve(String.format("f%03d.txt", f)), body(d, f, 0));
            }
        }
        Files.createDirectories(repo.resolve(".githooks"));
        Files.writeString(repo.resolve(".githooks/pre-push"), "#!/bin/sh\nexit 0\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "10,000 files");
        for (int i = 0; i < CHANGED; i++) {
            int d = i % (FILES / 100);
            int f = (i * 7) % 100;
            Files.writeString(repo.resolve(String.format("src/m%02d/f%03d.txt", d, f)), body(d, f, 1));
        }
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "100 files changed");
    }

    static String body(int d, int f, int version) {
        StringBuilder b = new StringBuilder();
        for (int line = 0; line < 20; line++) {
            b.append("module ").append(d).append(" file ").append(f).append(" line ").append(line)
                    .append(version > 0 && line % 4 == 0 ? " changed" : "").append('\n');
        }
        return b.toString();
    }

    static JsonNode runAndWait(HttpClient http, String url, String body) throws Exception {
        String id = send(http, url, body).get("jobId").asText();
        while (true) {
            JsonNode job = get(http, url + "/jobs/" + id);
            String s = job.get("status").asText();
            if (!s.equals("queued") && !s.equals("running")) {
                return job;
            }
            Thread.sleep(20);
        }
    }

    static JsonNode send(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/jobs"))
                .header("X-HQ-Internal-Token", TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("POST /jobs answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("X-HQ-Internal-Token", TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String git(Path repo, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
                "-C", repo.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
        }
        return out;
    }

    static void waitUntilReady(HttpClient http, String url, Process process) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; see its log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service was not ready within 120 s");
    }

    static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
