package io.openclaw.hq.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies: a seeded stream of broken bodies ({@link HostileBodies}) against every POST of
 * every service (there is no PUT; enumerated from the resources' code, list below), each sent with
 * and without the credentials the endpoint takes. Promises: no 5xx, no answer slower than 2 s (each
 * request measured), every service still ready, and what refusals leave behind in the database
 * within a bound per refused request. CI: {@code reliability.hostile.tries} (2,400) with the fixed
 * {@code reliability.seed}; on demand {@code -Dreliability.hostile.tries=10000}.
 */
@Order(20)
class HostileBodiesTest {

    static final int TRIES = Integer.getInteger("reliability.hostile.tries", 2400);
    static final Duration BOUND = Duration.ofSeconds(2);
    /** Rows any service may add per refused request, averaged (the gateway audits an authenticated refusal in one line). */
    static final double ROWS_PER_REFUSAL = 1.0;
    /** Database bytes per refused request, averaged (one audit line and its index entries, with room for page fill). */
    static final double BYTES_PER_REFUSAL = 4096;

    record Endpoint(String service, String path, HostileBodies.Shape shape, String credentialHeader, String credential) {
        String name() {
            return service + " POST " + path;
        }
    }

    static List<Endpoint> endpoints() {
        String gw = "hq-gateway";
        String console = "X-OpenClaw-Token";
        String internal = "X-HQ-Internal-Token";
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint(gw, "/api/exec", HostileBodies.Shape.json(fields("action", "\"journal\"", "params", "{\"lines\":5}")),
                console, Suite.CONSOLE_TOKEN));
        list.add(new Endpoint(gw, "/actions/journal", HostileBodies.Shape.formOf(fields()), console, Suite.CONSOLE_TOKEN));
        list.add(new Endpoint(gw, "/logout", HostileBodies.Shape.formOf(fields()), console, Suite.CONSOLE_TOKEN));
        list.add(new Endpoint(gw, "/api/sms", HostileBodies.Shape.formOf(fields("From", "x", "Body", "x")), console,
                Suite.CONSOLE_TOKEN));
        list.add(new Endpoint(gw, "/jobs", HostileBodies.Shape.formOf(fields("jobType", "orb_doctor", "repo", "x")), console,
                Suite.CONSOLE_TOKEN));
        String llm = "llm-router-service";
        list.add(new Endpoint(llm, "/v1/chat/completions", HostileBodies.Shape.json(fields("model", "\"gpt-4o-mini\"",
                "messages", "[{\"role\":\"user\",\"content\":\"hi\"}]", "max_tokens", "16")), internal, Suite.INTERNAL_TOKEN));
        list.add(new Endpoint(llm, "/v1/review", HostileBodies.Shape.json(fields("bundle", "\"b\"", "sinceSha", "\"a1\"",
                "toSha", "\"b2\"", "runId", "\"r\"")), internal, Suite.INTERNAL_TOKEN));
        list.add(new Endpoint(llm, "/v1/doctor", HostileBodies.Shape.json(fields()), internal, Suite.INTERNAL_TOKEN));
        String doctor = "doctor-service";
        list.add(new Endpoint(doctor, "/doctor/run", HostileBodies.Shape.json(fields()), internal, Suite.INTERNAL_TOKEN));
        list.add(new Endpoint(doctor, "/guard/run", HostileBodies.Shape.json(fields()), internal, Suite.INTERNAL_TOKEN));
        list.add(new Endpoint(doctor, "/heal", HostileBodies.Shape.json(fields("mode", "\"check-only\"")), internal,
                Suite.INTERNAL_TOKEN));
        String notify = "notify-service";
        list.add(new Endpoint(notify, "/alerts", HostileBodies.Shape.json(fields("checkId", "\"hostile\"", "status", "\"FAIL\"",
                "severity", "\"info\"", "title", "\"t\"", "message", "\"m\"")), internal, Suite.INTERNAL_TOKEN));
        list.add(new Endpoint(notify, "/maintenance", HostileBodies.Shape.json(fields("checkIdPattern", "\"hostile*\"",
                "endsAt", "\"2030-01-01T00:00:00Z\"", "reason", "\"r\"")), internal, Suite.INTERNAL_TOKEN));
        list.add(new Endpoint(notify, "/messages/sms", HostileBodies.Shape.json(fields("to", "\"+15550100001\"", "body", "\"b\"")),
                internal, Suite.INTERNAL_TOKEN));
        String soma = "soma-sync-service";
        list.add(new Endpoint(soma, "/soma/snapshot", HostileBodies.Shape.json(fields("product", "\"Home User Library\"")),
                internal, Suite.INTERNAL_TOKEN));
        list.add(new Endpoint(soma, "/soma/harvest", HostileBodies.Shape.json(fields()), internal, Suite.INTERNAL_TOKEN));
        list.add(new Endpoint(soma, "/soma/mirror", HostileBodies.Shape.json(fields()), internal, Suite.INTERNAL_TOKEN));
        list.add(new Endpoint("runner-service", "/jobs", HostileBodies.Shape.json(fields("jobType", "\"orb_review\"", "repo",
                "\"openclaw\"", "sha", "\"abc\"", "params", "{}")), internal, Suite.INTERNAL_TOKEN));
        // last: every refused login counts against 127.0.0.1 in the login throttle (429 for a minute)
        list.add(new Endpoint(gw, "/login", HostileBodies.Shape.formOf(fields("token", "x")), null, null));
        return list;
    }

    @Test
    void noHostileBodyGetsA5xxOrASlowAnswerOrLeavesMoreThanTheBoundBehind() {
        Suite suite = Suite.get();
        List<Endpoint> endpoints = endpoints();
        HostileBodies bodies = new HostileBodies(Reliability.SEED);
        warmUp(suite, endpoints);

        long[] before = Reliability.databaseFootprint(suite);
        long auditBefore = Reliability.count(suite, "SELECT count(*) FROM gateway.audit_log");
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<HostileBodies.Kind, Integer> byKind = new TreeMap<>();
        List<Long> nanos = new ArrayList<>();
        long slowest = 0;
        String slowestWhat = "";
        int refused = 0;
        int closed = 0;
        int perEndpoint = Math.max(2, TRIES / endpoints.size());
        Instant started = Instant.now();
        for (Endpoint endpoint : endpoints) {
            for (int i = 0; i < perEndpoint; i++) {
                boolean withCredentials = endpoint.credential() != null && i % 2 == 0;
                HostileBodies.Body body = bodies.next(endpoint.shape());
                byKind.merge(body.kind(), 1, Integer::sum);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.url(endpoint.service()) + endpoint.path()))
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
                if (body.contentType() != null) {
                    request.header("Content-Type", body.contentType());
                }
                if (withCredentials) {
                    request.header(endpoint.credentialHeader(), endpoint.credential());
                }
                String what = endpoint.name() + (withCredentials ? " with credentials, " : " without credentials, ")
                        + body.describe();
                long t0 = System.nanoTime();
                int status;
                try {
                    status = Reliability.HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                    // a server may answer early (413, or 401 before the body is read) and close the connection on a
                    // body over 1 MiB while it is still being sent: the client then sees no answer, which is fine
                    if (body.bytes().length > 1 << 20) {
                        closed++;
                        refused++;
                        continue;
                    }
                    failures.add("no answer (" + e + ") to " + what);
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
                long took = System.nanoTime() - t0;
                nanos.add(took);
                byStatus.merge(status, 1, Integer::sum);
                if (took > slowest) {
                    slowest = took;
                    slowestWhat = what;
                }
                if (status >= 500) {
                    failures.add(status + " to " + what);
                } else if (took > BOUND.toNanos()) {
                    failures.add("answer after " + took / 1_000_000 + " ms (bound " + BOUND.toMillis() + ") to " + what);
                }
                if (status >= 400) {
                    refused++;
                }
            }
        }
        Duration elapsed = Duration.between(started, Instant.now());
        awaitLoginThrottleOver(suite);

        List<String> notReady = suite.services.values().stream().filter(s -> !s.ready()).map(ServiceProcess::name).toList();
        long[] after = Reliability.databaseFootprint(suite);
        long auditAfter = Reliability.count(suite, "SELECT count(*) FROM gateway.audit_log");
        double rowsPerRefusal = (after[0] - before[0]) / (double) Math.max(1, refused);
        double bytesPerRefusal = (after[1] - before[1]) / (double) Math.max(1, refused);
        Reliability.figure("hostile bodies", "%d requests (%d endpoints x %d, seed %d) in %d s; kinds %s; answers %s, "
                + "%d bodies over 1 MiB closed by the server; p50 %.1f ms, p99 %.1f ms, max %.1f ms (%s); refused %d; rows +%d "
                + "(%.3f per refusal, audit +%d), database +%d bytes (%.0f per refusal); not ready after: %s",
                perEndpoint * endpoints.size(), endpoints.size(), perEndpoint, Reliability.SEED, elapsed.toSeconds(), byKind,
                byStatus, closed, Reliability.percentileMs(nanos, 50), Reliability.percentileMs(nanos, 99), slowest / 1e6,
                slowestWhat.length() > 160 ? slowestWhat.substring(0, 160) : slowestWhat, refused, after[0] - before[0],
                rowsPerRefusal, auditAfter - auditBefore, after[1] - before[1], bytesPerRefusal, notReady);

        assertThat(failures.subList(0, Math.min(30, failures.size())))
                .as("5xx, missing or slow answers (first 30 of %d)", failures.size()).isEmpty();
        assertThat(notReady).as("services not ready after the hostile bodies").isEmpty();
        assertThat(rowsPerRefusal).as("database rows per refused request").isLessThanOrEqualTo(ROWS_PER_REFUSAL);
        assertThat(bytesPerRefusal).as("database bytes per refused request").isLessThanOrEqualTo(BYTES_PER_REFUSAL);
    }

    /** One well-formed request per endpoint first: a JVM's first answer on a path is slow; the bound is for the rest. */
    private static void warmUp(Suite suite, List<Endpoint> endpoints) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.path().equals("/login")) {
                continue;
            }
            Reliability.send(HttpRequest.newBuilder(URI.create(suite.url(endpoint.service()) + endpoint.path()))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("warm-up")).build());
        }
    }

    /** The hostile logins put 127.0.0.1 over the login throttle; later cases log in from there too. */
    private static void awaitLoginThrottleOver(Suite suite) {
        Reliability.await("a login from 127.0.0.1 accepted again after the throttle's minute", Duration.ofSeconds(90),
                () -> new Operator(suite.gateway()).login(Suite.CONSOLE_TOKEN).statusCode() == 303);
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
