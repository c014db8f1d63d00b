package io.openclaw.hq.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The router under load in the real suite, with its ledger on (every call a ledger row in the
 * suite's PostgreSQL) while HQ starts a doctor run every minute: an open loop at
 * {@code bench.rate} requests/s (1000) for {@code bench.seconds} (60) to
 * {@code /v1/chat/completions}, then the same loop straight at the fake provider. Overhead = the
 * router's percentile minus the direct one; the router's own {@code X-OpenClaw-Overhead-Ms} (time
 * in its code) is reported beside it. Heavy for a shared 2-core machine, so never part of
 * {@code ./mvnw verify} (surefire excludes *Bench); run with {@code bench/reliability/run.sh}.
 */
class RouterLoadBench {

    static final int RATE = Integer.getInteger("bench.rate", 1000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 60);

    @Test
    void routerOverheadAtRateWithLedgerOnWhileDoctorRuns() throws Exception {
        Suite suite = Suite.get();
        Operator operator = Operator.loggedIn(suite);
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"bench\"}],\"max_tokens\":16}";
        ScheduledExecutorService doctor = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger doctorRuns = new AtomicInteger();
        doctor.scheduleAtFixedRate(() -> {
            if (operator.exec("doctor").statusCode() == 202) {
                doctorRuns.incrementAndGet();
            }
        }, 0, 60, TimeUnit.SECONDS);
        try {
            URI router = URI.create(suite.url("llm-router-service") + "/v1/chat/completions");
            URI direct = URI.create(suite.providers.url() + "/openai/v1/chat/completions");
            run(router, body, true, 10); // warm-up
            Result viaRouter = run(router, body, true, SECONDS);
            run(direct, body, false, 5);
            Result straight = run(direct, body, false, SECONDS);
            long ledger = Reliability.count(suite, "SELECT count(*) FROM llm_router.cost_ledger");
            System.out.printf(java.util.Locale.ROOT, "[bench] rate %d/s for %d s, doctor runs %d, ledger rows %d%n", RATE, SECONDS,
                    doctorRuns.get(), ledger);
            System.out.println("[bench] router: " + viaRouter);
            System.out.println("[bench] direct: " + straight);
            System.out.printf(java.util.Locale.ROOT, "[bench] router overhead, all answers: p50 %.2f ms, p99 %.2f ms; "
                    + "answered calls (200) against direct 200s: p50 %.2f ms, p99 %.2f ms; in-code p50 %.2f ms, p99 %.2f ms%n",
                    viaRouter.p(50) - straight.p(50), viaRouter.p(99) - straight.p(99),
                    viaRouter.p("200", 50) - straight.p("200", 50), viaRouter.p("200", 99) - straight.p("200", 99),
                    Reliability.percentileMs(viaRouter.inCodeNanos, 50), Reliability.percentileMs(viaRouter.inCodeNanos, 99));
        } finally {
            doctor.shutdownNow();
        }
    }

    /** Latencies of every answer, and by status: a 429 "router busy" at once must not hide a slow 200, nor flatter it. */
    record Result(List<Long> nanos, Map<String, List<Long>> nanosByStatus, List<Long> inCodeNanos, Map<String, Integer> outcomes,
            int sent) {
        double p(double percentile) {
            return Reliability.percentileMs(nanos, percentile);
        }

        double p(String status, double percentile) {
            List<Long> of = nanosByStatus.getOrDefault(status, List.of());
            return of.isEmpty() ? Double.NaN : Reliability.percentileMs(of, percentile);
        }

        @Override
        public String toString() {
            StringBuilder byStatus = new StringBuilder();
            nanosByStatus.forEach((status, of) -> byStatus.append(String.format(java.util.Locale.ROOT,
                    "; %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms", status, p(status, 50), p(status, 99), p(status, 100))));
            return String.format(java.util.Locale.ROOT, "%d sent, outcomes %s, all answers p50 %.2f ms, p99 %.2f ms, max %.2f ms%s",
                    sent, outcomes, p(50), p(99), p(100), byStatus);
        }
    }

    private static Result run(URI uri, String body, boolean internalToken, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> inCode = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Long>> byStatus = new ConcurrentHashMap<>();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        int perTick = Math.max(1, RATE / 1000);
        long total = (long) RATE * seconds;
        pacer.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick && sent.get() < total; i++) {
                sent.incrementAndGet();
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
                if (internalToken) {
                    request.header("X-HQ-Internal-Token", Suite.INTERNAL_TOKEN);
                }
                long t0 = System.nanoTime();
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((answer, error) -> {
                    if (error != null) {
                        Throwable cause = error.getCause() == null ? error : error.getCause();
                        outcomes.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
                        return;
                    }
                    long took = System.nanoTime() - t0;
                    nanos.add(took);
                    byStatus.computeIfAbsent(String.valueOf(answer.statusCode()), k -> new ConcurrentLinkedQueue<>()).add(took);
                    outcomes.merge(String.valueOf(answer.statusCode()), 1, Integer::sum);
                    answer.headers().firstValue("X-OpenClaw-Overhead-Ms")
                            .ifPresent(ms -> inCode.add((long) (Double.parseDouble(ms) * 1e6)));
                });
            }
        }, 0, 1000 / Math.min(1000, RATE), TimeUnit.MILLISECONDS);
        Thread.sleep(seconds * 1000L + 10_000);
        pacer.shutdownNow();
        Map<String, List<Long>> statusNanos = new TreeMap<>();
        byStatus.forEach((status, of) -> statusNanos.put(status, new ArrayList<>(of)));
        return new Result(new ArrayList<>(nanos), statusNanos, new ArrayList<>(inCode), new TreeMap<>(outcomes), sent.get());
    }
}
