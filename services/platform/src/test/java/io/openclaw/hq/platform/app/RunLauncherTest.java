package io.openclaw.hq.platform.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * RunLauncher through a real resource: recorded first and answered 202 while the work waits at a
 * gate the test holds; output visible line by line while it runs; 409 naming the holder; who
 * asked on the record; the real reason on a run that broke.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
class RunLauncherTest {

    private static final int BURSTS = 5;
    private static final int PRESSES_PER_BURST = 10;

    @Inject
    RunGates gates;
    @TestHTTPResource("/probe/slow/race")
    URI race;

    private static RequestSpecification internal() {
        return given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN);
    }

    /** Waits (not a timing assertion: the deadline only stops a broken run hanging the build) for a run to end. */
    static JsonPath awaitFinished(String runId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonPath run = internal().when().get("/runs/" + runId).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(run.getString("status"))) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " never finished");
    }

    @Test
    void theAnswerComesWhileTheWorkWaitsAndTheRecordNamesWhoAsked() throws Exception {
        JsonPath accepted = internal().header("X-HQ-Actor", "ops@example.org").header("X-HQ-Trigger", "web")
                .when().post("/probe/slow/first").then().statusCode(202).extract().jsonPath();
        String runId = accepted.getString("runId");
        assertThat(accepted.getString("run.id")).isEqualTo(runId);
        assertThat(accepted.getString("run.status")).isEqualTo("running");
        assertThat(accepted.getString("run.actor")).isEqualTo("ops@example.org");
        assertThat(accepted.getString("run.trigger")).isEqualTo("web");

        // the work is still held at the gate: its first line is already readable, the run still running
        awaitLines(runId, 1);
        internal().when().get("/runs/" + runId + "/log?after=0").then().statusCode(200)
                .body("lines", equalTo(List.of("waiting at gate first"))).body("finished", equalTo(false));
        internal().when().get("/runs/" + runId).then().body("status", equalTo("running"));

        gates.open("first");
        JsonPath done = awaitFinished(runId);
        assertThat(done.getString("status")).isEqualTo("success");
        assertThat(done.getString("summary")).isEqualTo("passed gate first");
        assertThat(done.getString("actor")).isEqualTo("ops@example.org");
        assertThat(done.getString("trigger")).isEqualTo("web");
        internal().when().get("/runs/" + runId + "/log?after=1").then()
                .body("lines", equalTo(List.of("gate first open"))).body("finished", equalTo(true));
    }

    @Test
    void aSecondRunOnTheSameLockIs409WithTheHoldersRunIdAndIsRecordedRefused() throws Exception {
        String holder = internal().when().post("/probe/slow/held").then().statusCode(202).extract().path("runId");
        JsonPath refused = internal().header("X-HQ-Trigger", "sms").header("X-HQ-Actor", "+15551234567")
                .when().post("/probe/slow/held").then().statusCode(409)
                .body("title", equalTo("locked")).body("runId", equalTo(holder)).extract().jsonPath();
        assertThat(refused.getString("detail")).contains(holder);
        List<java.util.Map<String, Object>> runs = internal().when().get("/runs?limit=10").then().extract().jsonPath()
                .getList("findAll { it.action == 'slow' && it.status == 'refused' && it.actor == '+15551234567' }");
        assertThat(runs).isNotEmpty();
        assertThat(runs.get(0).get("summary").toString()).contains(holder);

        gates.open("held");
        assertThat(awaitFinished(holder).getString("status")).isEqualTo("success");
        // the lock was let go before the end was recorded: a run seen finished never blocks the next one
        String next = internal().when().post("/probe/slow/held").then().statusCode(202).extract().path("runId");
        assertThat(awaitFinished(next).getString("status")).isEqualTo("success");
    }

    /**
     * Bursts of simultaneous presses on one lock, work that ends at once: every answer is 202 or a
     * 409 naming one of the accepted runs, every 409 is a refused run on record, and the runs that
     * held the lock, ordered by startedAt, each start no earlier than the previous one finished.
     */
    @Test
    void runsOfOneLockNeverOverlapByTheirRecords() throws Exception {
        gates.open("race");
        // plain HTTP/1.1: the default's h2c upgrade attempt only slows every press down
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> accepted = new ArrayList<>();
        List<String> holdersNamed = new ArrayList<>();
        ExecutorService pressers = Executors.newFixedThreadPool(PRESSES_PER_BURST);
        try {
            for (int burst = 0; burst < BURSTS; burst++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < PRESSES_PER_BURST; i++) {
                    answers.add(pressers.submit(() -> {
                        go.await();
                        return client.send(HttpRequest.newBuilder(race).header("X-HQ-Internal-Token",
                                CanarySecrets.INTERNAL_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                                HttpResponse.BodyHandlers.ofString());
                    }));
                }
                go.countDown();
                List<String> acceptedNow = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                    JsonPath body = JsonPath.from(response.body());
                    switch (response.statusCode()) {
                        case 202 -> acceptedNow.add(body.getString("runId"));
                        case 409 -> holdersNamed.add(body.getString("runId"));
                        default -> throw new AssertionError("answered " + response.statusCode() + ": " + response.body());
                    }
                }
                for (String runId : acceptedNow) {
                    awaitFinished(runId);
                }
                accepted.addAll(acceptedNow);
            }
        } finally {
            pressers.shutdownNow();
        }

        assertThat(accepted).as("runs that held the lock").hasSizeGreaterThanOrEqualTo(BURSTS);
        assertThat(accepted).containsAll(holdersNamed);
        List<Map<String, Object>> recorded = internal().when().get("/runs?limit=500").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(recorded).filteredOn(run -> "refused".equals(run.get("status"))
                && String.valueOf(run.get("summary")).startsWith("slow:race is held by run "))
                .as("refused attempts on record").hasSameSizeAs(holdersNamed);

        List<Map<String, Object>> ran = new ArrayList<>(recorded.stream()
                .filter(run -> accepted.contains(String.valueOf(run.get("id")))).toList());
        assertThat(ran).hasSameSizeAs(accepted).allSatisfy(run -> assertThat(run.get("status")).isEqualTo("success"));
        ran.sort(Comparator.comparing(run -> Instant.parse(String.valueOf(run.get("startedAt")))));
        for (int i = 1; i < ran.size(); i++) {
            Map<String, Object> before = ran.get(i - 1);
            Map<String, Object> after = ran.get(i);
            assertThat(Instant.parse(String.valueOf(after.get("startedAt"))))
                    .as("run %s started while run %s (finished %s) still held slow:race", after.get("id"),
                            before.get("id"), before.get("finishedAt"))
                    .isAfterOrEqualTo(Instant.parse(String.valueOf(before.get("finishedAt"))));
        }
    }

    @Test
    void workThatThrowsOrForgetsToEndIsAFailureThatSaysSo() throws Exception {
        gates.open("broken");
        String thrown = internal().when().post("/probe/slow/broken?outcome=throw").then().statusCode(202)
                .extract().path("runId");
        JsonPath failed = awaitFinished(thrown);
        assertThat(failed.getString("status")).isEqualTo("failure");
        assertThat(failed.getString("summary")).isEqualTo("the run stopped on an unexpected error");
        assertThat(failed.getString("error")).contains("the probe broke on purpose");

        String silent = internal().when().post("/probe/slow/broken?outcome=silent").then().statusCode(202)
                .extract().path("runId");
        JsonPath forgotten = awaitFinished(silent);
        assertThat(forgotten.getString("status")).isEqualTo("failure");
        assertThat(forgotten.getString("error")).contains("without recording a result");
    }

    @Test
    void badCallerHeadersAre400NamingTheHeaderAndStartNothing() {
        int before = internal().when().get("/runs?limit=500").then().extract().jsonPath().getList("id").size();
        internal().header("X-HQ-Trigger", "cron").when().post("/probe/slow/never").then().statusCode(400)
                .body("detail", containsString("X-HQ-Trigger"));
        internal().header("X-HQ-Actor", "a b").when().post("/probe/slow/never").then().statusCode(400)
                .body("detail", containsString("X-HQ-Actor"));
        internal().header("X-HQ-Actor", "x".repeat(129)).when().post("/probe/slow/never").then().statusCode(400)
                .body("detail", containsString("X-HQ-Actor"));
        internal().body("{\"go\":true}").when().post("/probe/slow/never").then().statusCode(400)
                .body("detail", containsString("takes no body"));
        int after = internal().when().get("/runs?limit=500").then().extract().jsonPath().getList("id").size();
        assertThat(after).isEqualTo(before);
        // without headers the caller is the API
        gates.open("anonymous");
        internal().when().post("/probe/slow/anonymous").then().statusCode(202)
                .body("run.trigger", equalTo("api")).body("run.actor", equalTo("api"));
    }

    private static void awaitLines(String runId, int lines) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            int seen = internal().when().get("/runs/" + runId + "/log").then().extract().jsonPath().getList("lines").size();
            if (seen >= lines) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " never wrote " + lines + " lines");
    }
}
