import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * notify-service bench: the packaged service (quarkus-run.jar) against a real embedded PostgreSQL,
 * with Pushover and Twilio faked by WireMock, all on 127.0.0.1. Sends ALERTS alerts over CHECKS
 * checkIds through POST /alerts from WORKERS client threads; each checkId belongs to one worker, so
 * its reports arrive in order: FAIL for the first 40% of rounds, then OK. Every check therefore
 * produces exactly one alert and one "resolved"; checks 0-49 are critical (Pushover + SMS to the one
 * allowlisted number), 50-99 warning (Pushover only), so exactly 300 deliveries must be sent.
 *
 * Usage: java -cp <notify-service test classpath> NotifyBench.java <quarkus-run.jar> [workers]
 */
public class NotifyBench {

    static final int ALERTS = 10_000;
    static final int CHECKS = 100;
    static final int ROUNDS = ALERTS / CHECKS;
    static final int FAIL_ROUNDS = ROUNDS * 40 / 100;
    static final int WARMUP_ALERTS = 1_000;
    static final String TOKEN = "hqint-bench-0123456789abcdef0123";

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: NotifyBench <quarkus-run.jar> [workers]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path work = Files.createTempDirectory("notify-bench");
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Map<String, String> secretValues = Map.of(
                "hq_internal_token", TOKEN,
                "db_password_postgres", "postgres",
                "pushover_token", "abenchpushovertoken0123456789",
                "pushover_user", "ubenchpushoveruser0123456789",
                "twilio_account_sid", "ACbench0123456789abcdef0123456789",
                "twilio_auth_token", "benchtwilioauth0123456789abcdef",
                "twilio_from_number", "+15550100000",
                "sms_allowlist", "+15550100001");
        for (Map.Entry<String, String> e : secretValues.entrySet()) {
            Files.writeString(secrets.resolve(e.getKey()), e.getValue() + "\n");
        }

        EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
        WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1").containerThreads(32).jettyAcceptors(1));
        wireMock.start();
        wireMock.stubFor(post(urlPathEqualTo("/1/messages.json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Limit-App-Limit", "10000")
                .withHeader("X-Limit-App-Remaining", "9000").withHeader("X-Limit-App-Reset", "1798761600")
                .withBody("{\"status\":1,\"request\":\"bench\"}")));
        wireMock.stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SMbench\",\"status\":\"queued\"}")));

        int port = freePort();
        ProcessBuilder service = new ProcessBuilder("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
        Map<String, String> env = service.environment();
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("DB_URL", pg.getJdbcUrl("postgres", "postgres"));
        env.put("DB_USER", "postgres");
        env.put("OPENCLAW_SECRETS_DIR", secrets.toString());
        env.put("OPENCLAW_CONFIG_DIR", work.toString());
        env.put("OPENCLAW_ARTIFACTS_ROOT", Files.createDirectories(work.resolve("artifacts")).toString());
        env.put("QUARKUS_REST_CLIENT_PUSHOVER_URL", wireMock.baseUrl());
        env.put("NOTIFY_TWILIO_API_BASE_URL", wireMock.baseUrl());
        env.put("QUARKUS_LOG_FILE_ENABLED", "false");
        Process process = service.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            long bootStart = System.nanoTime();
            waitUntilReady(http, base, process);
            System.out.printf("service ready after %.1f s%n", (System.nanoTime() - bootStart) / 1e9);

            // warm-up checks are critical, so both provider clients are warm before the measured run
            runLoad(http, base, workers, "warmup", 10, WARMUP_ALERTS / 10, "critical", null);
            wireMock.resetRequests();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM notify.deliveries");
            }

            Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
            long[] latencies = new long[ALERTS];
            long start = System.nanoTime();
            List<Long> notifying = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Long> suppressed = java.util.Collections.synchronizedList(new ArrayList<>());
            runLoad(http, base, workers, "bench", CHECKS, ROUNDS, null,
                    new Recorder(latencies, outcomes, notifying, suppressed));
            long wall = System.nanoTime() - start;

            Arrays.sort(latencies);
            Map<String, Long> rows = new TreeMap<>();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT channel || ':' || status, count(*) FROM notify.deliveries GROUP BY 1")) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getLong(2));
                }
            }
            int pushoverCalls = wireMock.findAll(postRequestedFor(urlPathEqualTo("/1/messages.json"))).size();
            int twilioCalls = wireMock.findAll(postRequestedFor(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json"))).size();
            long rss = rssKb(process.pid());

            int expectedPushover = CHECKS * 2;
            int expectedSms = (CHECKS / 2) * 2;
            long sent = rows.getOrDefault("pushover:sent", 0L) + rows.getOrDefault("sms:sent", 0L);
            long allRows = rows.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("alerts: %d over %d checkIds, %d client threads, %d warm-up alerts before%n",
                    ALERTS, CHECKS, workers, WARMUP_ALERTS);
            System.out.printf("wall: %.2f s, throughput: %.0f alerts/s%n", wall / 1e9, ALERTS / (wall / 1e9));
            System.out.printf("latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n", ms(latencies, 0.50),
                    ms(latencies, 0.90), ms(latencies, 0.99), latencies[ALERTS - 1] / 1e6);
            long[] sortedSuppressed = suppressed.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] sortedNotifying = notifying.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  suppressed (%d): p50 %.2f, p99 %.2f; notifying (%d, provider calls and run files): p50 %.2f, p99 %.2f%n",
                    sortedSuppressed.length, ms(sortedSuppressed, 0.50), ms(sortedSuppressed, 0.99),
                    sortedNotifying.length, ms(sortedNotifying, 0.50), ms(sortedNotifying, 0.99));
            System.out.println("responses by notification: " + new TreeMap<>(outcomes));
            System.out.println("delivery rows by channel:status: " + rows);
            System.out.printf("provider calls: pushover %d (expected %d), twilio %d (expected %d)%n", pushoverCalls,
                    expectedPushover, twilioCalls, expectedSms);
            System.out.printf("deliveries sent: %d (expected exactly %d), rows in all: %d%n", sent,
                    expectedPushover + expectedSms, allRows);
            System.out.printf("service RSS after the run: %d MiB%n", rss / 1024);
            boolean exact = sent == expectedPushover + expectedSms && allRows == sent
                    && pushoverCalls == expectedPushover && twilioCalls == expectedSms
                    && outcomes.getOrDefault("error", new AtomicLong()).get() == 0;
            System.out.println(exact ? "RESULT: exact delivery count OK" : "RESULT: MISMATCH");
            if (!exact) {
                System.exit(1);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            wireMock.stop();
            pg.close();
        }
    }

    /** Where the measured run puts each latency and each response's notification. */
    record Recorder(long[] latencies, Map<String, AtomicLong> outcomes, List<Long> notifying, List<Long> suppressed) {
    }

    /**
     * {@code checks} checkIds, {@code rounds} reports each, spread over {@code workers} threads by
     * checkId so that one check's reports stay in order.
     */
    static void runLoad(HttpClient http, String base, int workers, String prefix, int checks, int rounds,
            String fixedSeverity, Recorder recorder) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicLong next = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            final int worker = w;
            futures.add(pool.submit(() -> {
                for (int round = 0; round < rounds; round++) {
                    for (int check = worker; check < checks; check += workers) {
                        String status = round < FAIL_ROUNDS ? "FAIL" : "OK";
                        String severity = fixedSeverity != null ? fixedSeverity : check < checks / 2 ? "critical" : "warning";
                        String body = "{\"checkId\":\"" + prefix + "." + check + "\",\"status\":\"" + status
                                + "\",\"severity\":\"" + severity + "\",\"title\":\"bench check " + check
                                + "\",\"message\":\"round " + round + "\",\"source\":\"bench\"}";
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/alerts"))
                                .header("Content-Type", "application/json").header("X-HQ-Internal-Token", TOKEN)
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        String outcome;
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            outcome = response.statusCode() != 200 ? "error"
                                    : notification(response.body());
                        } catch (Exception e) {
                            outcome = "error";
                        }
                        long elapsed = System.nanoTime() - t0;
                        if (recorder != null) {
                            recorder.latencies()[(int) next.getAndIncrement()] = elapsed;
                            recorder.outcomes().computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                            (outcome.equals("suppressed") ? recorder.suppressed() : recorder.notifying()).add(elapsed);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    static String notification(String body) {
        int i = body.indexOf("\"notification\":\"");
        if (i < 0) {
            return "suppressed";
        }
        int start = i + "\"notification\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static void waitUntilReady(HttpClient http, String base, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("service not ready within 180 s");
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
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
