package io.openclaw.hq.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/BENCHMARKS.md, against the real suite (not stubs); run by
 * {@code bench/hq-suite/run.sh}, never by {@code ./mvnw verify} (surefire excludes *Bench).
 *
 * <ul>
 *   <li>Overview p50/p99 with 50 clients, side by side in the same run with the gateway's own
 *       liveness page under the same load, so the ratio says what the panels cost;</li>
 *   <li>action → recorded run: the time from pressing "doctor" until HQ answers with the run id
 *       that doctor-service has recorded, and the time until that run has finished.</li>
 * </ul>
 */
class SuiteBench {

    static final int CLIENTS = Integer.getInteger("bench.clients", 50);
    static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    static final int ACTIONS = Integer.getInteger("bench.actions", 20);

    @Test
    void figures() throws Exception {
        Suite suite = Suite.get();
        Operator operator = Operator.loggedIn(suite);
        String cookie = "hq_session=" + operator.sessionCookie();
        // warm every path the same way first
        load(suite.gateway() + "/", cookie, 10, Duration.ofSeconds(10));
        load(suite.gateway() + "/q/health/live", cookie, 10, Duration.ofSeconds(5));

        Result overview = load(suite.gateway() + "/", cookie, CLIENTS, LOAD);
        Result live = load(suite.gateway() + "/q/health/live", cookie, CLIENTS, LOAD);
        System.out.println(overview.line("overview /"));
        System.out.println(live.line("liveness /q/health/live"));
        System.out.printf(Locale.ROOT, "ratio overview/liveness: p50 %.1f, p99 %.1f%n",
                overview.p(50) / live.p(50), overview.p(99) / live.p(99));

        List<Long> toRecorded = new ArrayList<>();
        List<Long> toFinished = new ArrayList<>();
        for (int i = 0; i < ACTIONS; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> started = operator.exec("doctor");
            long recorded = System.nanoTime() - t0;
            String runId = Operator.parse(started.body()).path("runId").asText(null);
            if (runId == null) {
                throw new AssertionError("no run id: " + started.statusCode() + " " + started.body());
            }
            suite.backend("doctor-service", "/runs/" + runId); // it is recorded by the owner when HQ answers
            while (!List.of("success", "failure", "refused", "interrupted")
                    .contains(suite.backend("doctor-service", "/runs/" + runId).path("status").asText())) {
                Thread.sleep(20);
            }
            toRecorded.add(recorded);
            toFinished.add(System.nanoTime() - t0);
        }
        System.out.println(new Result(toRecorded, 0, Duration.ZERO).line("action doctor -> run recorded (HQ answered)"));
        System.out.println(new Result(toFinished, 0, Duration.ZERO).line("action doctor -> run finished"));
    }

    record Result(List<Long> nanos, int errors, Duration over) {

        double p(int percentile) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
        }

        String line(String what) {
            double rate = over.isZero() ? 0 : nanos.size() / (over.toMillis() / 1000.0);
            return String.format(Locale.ROOT, "%-45s n=%d errors=%d %s p50=%.1f ms p99=%.1f ms max=%.1f ms", what,
                    nanos.size(), errors, rate == 0 ? "" : String.format(Locale.ROOT, "(%.0f/s)", rate), p(50), p(99), p(100));
        }
    }

    static Result load(String url, String cookie, int clients, Duration duration) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
                                    .header("Accept", "text/html").timeout(Duration.ofSeconds(10)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                } finally {
                    done.countDown();
                }
            });
            client.start();
        }
        done.await();
        return new Result(new ArrayList<>(latencies), errors.get(), duration);
    }
}
