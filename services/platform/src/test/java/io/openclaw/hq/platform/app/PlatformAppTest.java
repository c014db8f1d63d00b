package io.openclaw.hq.platform.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.openclaw.hq.platform.locks.LockAttempt;
import io.openclaw.hq.platform.locks.ResourceLocks;
import io.openclaw.hq.platform.runs.AbandonedRunRecoveryProbe;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunRecord;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunStatus;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.openclaw.hq.platform.secrets.SecretMasking;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The platform inside a real Quarkus app against a real PostgreSQL: readiness with an invalid
 * config, the log filter, runs, locks, internal auth and problem JSON.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
class PlatformAppTest {

    private static final Logger LOG = Logger.getLogger(PlatformAppTest.class);

    @Inject
    RunRecorder recorder;
    @Inject
    ResourceLocks locks;
    @Inject
    SecretResolver secrets;
    @Inject
    AbandonedRunRecoveryProbe recovery;

    private static RequestSpecification internal() {
        return given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN);
    }

    @Test
    void anInvalidConfigKeepsReadinessDownWithEveryViolationListed() {
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'config' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'config' }.data.'sample.json'", containsString("$.name"))
                .body("checks.find { it.name == 'config' }.data.'sample.json'", containsString("$.limits.maxUsd"))
                .body("checks.find { it.name == 'config' }.data.'sample.json'", containsString("$.limits.hosts[0]"))
                .body("checks.find { it.name == 'config' }.data.'sample.json'", containsString("debug"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void workThatNeedsAnInvalidConfigIsRefusedWith503AndTheViolations() {
        internal().when().get("/probe/sample").then().statusCode(503)
                .body("title", equalTo("config invalid"))
                .body("violations", hasItem(containsString("$.limits.maxUsd")));
    }

    @Test
    void aCanarySecretLoggedByMistakeAppearsOnlyMasked() throws Exception {
        String key = secrets.resolve("openai_api_key").orElseThrow().reveal();
        LOG.infof("mistake: the key is %s", key);
        LOG.info("mistake two: " + key);
        LOG.error("mistake three", new IllegalStateException("wrapped", new RuntimeException("cause has " + key)));
        internal().when().get("/probe/boom").then().statusCode(500)
                .body("detail", not(containsString(key)))
                .body("detail", containsString("reference"));

        String log = Files.readString(TestSecretsResource.LOG_FILE);
        CanarySecrets.assertNoLeak(log, "the service log");
        String masked = SecretMasking.mask(key);
        assertThat(log).contains("mistake: the key is " + masked, "mistake two: " + masked, "cause has " + masked,
                "upstream refused key " + masked);
    }

    @Test
    void internalAuthGuardsEveryRestPathAndLeavesHealthOpen() {
        given().when().get("/runs").then().statusCode(401).body("detail", containsString("missing"));
        given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN + "x").when().get("/runs").then()
                .statusCode(401).body("detail", containsString("wrong"));
        given().when().get("/no/such/path").then().statusCode(401);
        internal().when().get("/no/such/path").then().statusCode(404).body("status", equalTo(404));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void badInputIsA4xxThatSaysWhatWasWrong() {
        internal().contentType(ContentType.JSON).body("{\"message\":\"hi\",\"count\":1,\"extra\":true}")
                .when().post("/probe/echo").then().statusCode(400)
                .body("title", equalTo("unknown field")).body("detail", containsString("'extra'"));
        internal().contentType(ContentType.JSON).body("{\"message\":\"hi\",\"count\":\"many\"}")
                .when().post("/probe/echo").then().statusCode(400).body("detail", containsString("count"));
        internal().contentType(ContentType.JSON).body("{\"message\":")
                .when().post("/probe/echo").then().statusCode(400);
        internal().contentType(ContentType.JSON).body("{\"message\":\"hi\",\"count\":2}")
                .when().post("/probe/echo").then().statusCode(200).body("count", equalTo(2));
        String big = "{\"message\":\"" + "x".repeat(1024 * 1024 + 10) + "\",\"count\":1}";
        internal().contentType(ContentType.JSON).body(big).when().post("/probe/echo").then().statusCode(413);
        internal().when().get("/runs?limit=0").then().statusCode(400).body("detail", containsString("limit"));
        internal().when().get("/runs?since=yesterday").then().statusCode(400).body("detail", containsString("since"));
        internal().when().get("/runs/..%2F..%2Fetc").then().statusCode(400);
    }

    @Test
    void aRunIsRecordedInTheTableAndRunJsonAtStartAndEnd() throws Exception {
        RunHandle run = recorder.start(RunRequest.of("probe", "demo", RunTrigger.API, "sha256:abcd1234").withProject("hq"));
        Path runJson = run.directory().resolve("run.json");
        assertThat(Files.readString(runJson)).contains("\"status\" : \"running\"");
        internal().when().get("/runs/" + run.id()).then().statusCode(200).body("status", equalTo("running"));

        String token = CanarySecrets.value("twilio_auth_token");
        secrets.resolve("twilio_auth_token");
        run.log("line one");
        run.log("line two carries " + token);
        internal().when().get("/runs/" + run.id() + "/log?after=0").then().statusCode(200)
                .body("lines.size()", equalTo(2)).body("next", equalTo(2)).body("finished", equalTo(false));

        RunRecord done = run.fail("did not work", "provider said " + token);
        assertThat(done.status()).isEqualTo(RunStatus.FAILURE);
        assertThat(done.durationMs()).isNotNull().isGreaterThanOrEqualTo(0L);
        assertThat(done.artifacts()).contains("probe/" + run.id() + "/run.json", "probe/" + run.id() + "/output.log");

        internal().when().get("/runs/" + run.id()).then().statusCode(200)
                .body("status", equalTo("failure"))
                .body("service", equalTo("platform-test"))
                .body("trigger", equalTo("api"))
                .body("project", equalTo("hq"))
                .body("error", not(containsString(token)));
        internal().when().get("/runs/" + run.id() + "/log?after=1").then().statusCode(200)
                .body("lines[0]", not(containsString(token))).body("finished", equalTo(true));
        internal().when().get("/runs?limit=5").then().statusCode(200).body("id", hasItem(run.id()));
        assertThat(Files.readString(runJson)).contains("\"status\" : \"failure\"");
        CanarySecrets.assertNoLeakInTree(run.directory());
        CanarySecrets.assertNoLeakInSchema("platform_test");
        internal().when().get("/runs/20000101T000000Z-000000").then().statusCode(404);
    }

    @Test
    void aHandleClosedWithoutAResultEndsAsAFailureNotHalfWritten() {
        String id;
        try (RunHandle run = recorder.start(RunRequest.of("probe", "forgotten", RunTrigger.TIMER, "timer"))) {
            id = run.id();
        }
        internal().when().get("/runs/" + id).then().body("status", equalTo("failure"));
    }

    @Test
    void runsLeftRunningByADeadProcessBecomeInterrupted() throws Exception {
        RunHandle orphan = recorder.start(RunRequest.of("probe", "orphan", RunTrigger.WEB, "sha256:00aa11bb"));
        recovery.simulateRestart();
        internal().when().get("/runs/" + orphan.id()).then().statusCode(200).body("status", equalTo("interrupted"));
        assertThat(Files.readString(orphan.directory().resolve("run.json"))).contains("interrupted");
    }

    @Test
    void aSecondTakerOfALockLearnsTheHoldersRunId() {
        internal().when().post("/probe/locks/host:vps/run-one").then().statusCode(200);
        internal().when().post("/probe/locks/host:vps/run-two").then().statusCode(409)
                .body("title", equalTo("locked")).body("runId", equalTo("run-one"));
        LockAttempt attempt = locks.tryAcquire("host:vps", "run-three");
        assertThat(attempt).isEqualTo(new LockAttempt.Locked("host:vps", "run-one"));
        // a different resource is independent
        LockAttempt other = locks.tryAcquire("soma", "run-four");
        assertThat(other).isInstanceOf(LockAttempt.Acquired.class);
        ((LockAttempt.Acquired) other).handle().close();

        internal().when().delete("/probe/locks/host:vps").then().statusCode(204);
        LockAttempt after = locks.tryAcquire("host:vps", "run-five");
        assertThat(after).isInstanceOf(LockAttempt.Acquired.class);
        ((LockAttempt.Acquired) after).handle().close();
        assertThat(List.of(locks.tryAcquire("host:vps", "run-six"))).first().isInstanceOf(LockAttempt.Acquired.class);
    }
}
