package io.openclaw.hq.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Locks: 100 concurrent presses of "LLM provider doctor" through HQ (one session). The action runs
 * under llm-router-service's {@code llm_doctor} advisory lock; the providers' model lists answer
 * slowly (0.7 s each, OpenAI then Mistral) so the holder keeps the lock while the others arrive; the 100 leave over 6 s, so
 * the lock is taken several times in turn under contention. Every answer is 202 (a run)
 * or 409 naming the run that holds the lock; no two runs that got the lock overlap, by the start
 * and end their records hold.
 */
@Order(10)
class LockContentionTest {

    static final int REQUESTS = Integer.getInteger("reliability.lock.requests", 100);
    /** Requests leave over this many ms: about four holds of 1.4 s, so the lock changes hands under contention. */
    static final long SPREAD_MS = 6000;

    @Test
    void hundredConcurrentRequestsForOneLockedActionRunOneAtATime() throws Exception {
        Suite suite = Suite.get();
        Operator operator = Operator.loggedIn(suite);
        List<StubMapping> slow = new ArrayList<>();
        for (String vendor : List.of("openai", "mistral")) {
            slow.add(suite.providers.server().stubFor(get(urlPathEqualTo("/" + vendor + "/v1/models")).atPriority(1)
                    .willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"e2e-model\",\"object\":\"model\"}]}")
                            .withFixedDelay(700))));
        }
        Instant before = Instant.now().minusSeconds(1);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> holders = ConcurrentHashMap.newKeySet();
        List<String> unexpected = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                long offsetMs = i * SPREAD_MS / REQUESTS;
                answers.add(pool.submit(() -> {
                    go.await();
                    // all connected and waiting; spread over a few lock holds so several runs take the lock in turn
                    Thread.sleep(offsetMs);
                    return operator.exec("llm_doctor");
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> answer = f.get(120, TimeUnit.SECONDS);
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                JsonNode body = Operator.parse(answer.body());
                if (answer.statusCode() == 202) {
                    accepted.add(body.path("runId").asText());
                } else if (answer.statusCode() == 409 && body.path("runId").isTextual()
                        && body.path("detail").asText().contains(body.path("runId").asText())) {
                    holders.add(body.path("runId").asText());
                } else {
                    synchronized (unexpected) {
                        unexpected.add(answer.statusCode() + " " + answer.body());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            slow.forEach(suite.providers.server()::removeStub);
        }
        for (String id : accepted) {
            Reliability.awaitEnded(suite, "llm-router-service", id, Duration.ofSeconds(120));
        }

        assertThat(unexpected).as("answers other than 202 or a 409 naming the holder").isEmpty();
        assertThat(accepted).as("at least the first request ran").isNotEmpty();
        assertThat(statuses.getOrDefault(409, 0)).as("the others were refused").isPositive();
        // a holder named in a 409 is a run that really got the lock
        assertThat(accepted).as("every holder named in a 409 is one of the accepted runs").containsAll(holders);

        List<List<String>> runs = Reliability.rows(suite, "SELECT id, status, (extract(epoch FROM started_at) * 1000000)::bigint, "
                + "(extract(epoch FROM finished_at) * 1000000)::bigint FROM llm_router.runs "
                + "WHERE action = 'llm_doctor' AND started_at >= '" + Timestamp.from(before) + "'::timestamptz "
                + "ORDER BY started_at");
        List<List<String>> ran = runs.stream().filter(r -> !r.get(1).equals("refused")).toList();
        long refused = runs.size() - ran.size();
        assertThat(ran.stream().map(r -> r.get(0)).toList()).as("the runs that got the lock are the 202s")
                .containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(refused).as("every 409 is recorded as a refused run by the owner").isEqualTo((long) statuses.getOrDefault(409, 0));
        List<String> overlaps = new ArrayList<>();
        for (int i = 1; i < ran.size(); i++) {
            long previousEnd = Long.parseLong(ran.get(i - 1).get(3));
            long start = Long.parseLong(ran.get(i).get(2));
            if (start < previousEnd) {
                overlaps.add(ran.get(i - 1) + " and " + ran.get(i));
            }
        }
        assertThat(overlaps).as("runs of one lock whose records overlap").isEmpty();
        Reliability.figure("locks", "%d concurrent llm_doctor via HQ: answers %s; %d runs held the lock one after another "
                + "(no overlap), %d refused runs recorded", REQUESTS, statuses, ran.size(), refused);
    }
}
