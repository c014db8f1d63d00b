package io.openclaw.hq.doctor.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.doctor.ActionRuns;
import io.openclaw.hq.doctor.DoctorTestResources;
import io.openclaw.hq.doctor.host.FakeVpsHost;
import io.openclaw.hq.doctor.host.HostScenario;
import io.openclaw.hq.doctor.host.MinaHostResource;
import io.openclaw.hq.doctor.service.Stubs;
import io.openclaw.hq.platform.locks.LockHandle;
import io.openclaw.hq.platform.locks.ResourceLocks;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

@QuarkusTest
@DoctorTestResources
class GuardResourceTest {

    @MinaHostResource.InjectHost
    FakeVpsHost host;

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ResourceLocks locks;

    @Inject
    io.openclaw.hq.doctor.service.GuardLogStore guardLog;

    @Inject
    io.openclaw.hq.doctor.service.GuardService guardService;

    @BeforeEach
    void healthy() {
        Stubs.healthyStack(wireMock);
        Stubs.clearGuardLog(dataSource);
        host.use(HostScenario.healthy());
    }

    static RequestSpecification api() {
        return given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN);
    }

    @Test
    void aCheckThatFailedLastTimeAndPassesNowIsResolvedAtNotify() {
        host.use(HostScenario.healthy().dockerPublic(true));
        JsonPath failed = ActionRuns.guard(api());
        assertThat(failed.getString("outcome")).isEqualTo("FAIL");
        assertThat(failed.getList("failing", String.class)).containsExactly("docker_ports");
        host.use(HostScenario.healthy());
        assertThat(ActionRuns.guard(api()).getString("outcome")).isEqualTo("PASS");
        assertThat(Stubs.alerts(wireMock)).containsExactly("doctor.docker_ports FAIL critical", "doctor.docker_ports OK info");
    }

    @Test
    void statusAndLogShowTheLastRunsOldestFirstInTheLog() {
        ActionRuns.guard(api());
        host.use(HostScenario.healthy().diskFull(true));
        ActionRuns.guard(api());

        JsonPath log = api().when().get("/guard/log?lines=20").then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("lines", String.class)).hasSize(2);
        assertThat(log.getList("lines", String.class).get(0)).contains(" PASS ");
        assertThat(log.getList("lines", String.class).get(1)).contains(" FAIL ").contains("disk_logs");
        api().when().get("/guard/log?lines=1").then().statusCode(200).body("entries.size()", equalTo(1))
                .body("entries[0].outcome", equalTo("FAIL"));
        api().when().get("/guard/log?lines=0").then().statusCode(400).body("detail", containsString("lines must be between 1 and 500"));

        JsonPath status = api().when().get("/guard/status").then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("target")).isEqualTo("test-vps");
        assertThat(status.getString("lastOutcome")).isEqualTo("FAIL");
        assertThat(status.getList("lastRuns")).hasSize(2);
        // the timer is off in tests: not scheduled, so not healthy, and no next run
        assertThat(status.getBoolean("scheduled")).isFalse();
        assertThat(status.getBoolean("timerHealthy")).isFalse();
        assertThat(status.getString("nextRun")).isNull();
    }

    @Test
    void aHeldHostLockIsA409NamingTheHolderWithoutTouchingTheHost() {
        try (LockHandle held = locks.acquire("host:test-vps", "20260101T000000Z-heal01")) {
            api().header("X-HQ-Actor", "ops@example.org").when().post("/guard/run").then().statusCode(409)
                    .body("title", equalTo("locked")).body("runId", equalTo("20260101T000000Z-heal01"));
        }
        assertThat(host.commands()).isEmpty();
        assertThat(Stubs.alerts(wireMock)).isEmpty();
        java.util.List<java.util.Map<String, Object>> refused = api().when().get("/runs?limit=20").then().extract()
                .jsonPath().getList("findAll { it.action == 'guard' && it.actor == 'ops@example.org' }");
        assertThat(refused).isNotEmpty();
        assertThat(refused.get(0)).containsEntry("status", "refused");
    }

    @Test
    void theTimersGuardSkipsAHeldLockWithALockedLine() {
        try (LockHandle held = locks.acquire("host:test-vps", "20260101T000000Z-heal02")) {
            io.openclaw.hq.doctor.model.GuardEntry entry = guardService.run(io.openclaw.hq.platform.runs.RunTrigger.TIMER, "timer");
            assertThat(entry.outcome()).isEqualTo(io.openclaw.hq.doctor.model.GuardOutcome.LOCKED);
            assertThat(entry.message()).contains("20260101T000000Z-heal02");
            api().when().get("/runs/" + entry.runId()).then().statusCode(200).body("status", equalTo("refused"))
                    .body("trigger", equalTo("timer"));
        }
        assertThat(host.commands()).isEmpty();
    }

    @Test
    void theAnswerComesWhileTheGuardStillWorksAndItsOutputGrowsLineByLine() {
        java.util.concurrent.CountDownLatch release = host.hold(io.openclaw.hq.doctor.host.Probe.DISK);
        JsonPath accepted = api().header("X-HQ-Actor", "ops@example.org").header("X-HQ-Trigger", "web")
                .when().post("/guard/run").then().statusCode(202).extract().jsonPath();
        String runId = accepted.getString("runId");
        assertThat(accepted.getString("run.status")).isEqualTo("running");
        assertThat(accepted.getString("run.actor")).isEqualTo("ops@example.org");
        assertThat(accepted.getString("run.trigger")).isEqualTo("web");
        // the host has not answered yet: the guard is provably still working, and already says so
        java.util.List<String> early = awaitLogLines(runId, 2);
        assertThat(early.get(0)).contains("connecting to test-vps");
        assertThat(early.get(1)).contains("running the doctor");
        api().when().get("/runs/" + runId).then().body("status", equalTo("running"));
        // a second guard meanwhile is told whose run holds the host
        api().when().post("/guard/run").then().statusCode(409).body("runId", equalTo(runId));

        release.countDown();
        JsonPath run = ActionRuns.awaitRun(runId);
        assertThat(run.getString("status")).isNotEqualTo("running");
        assertThat(run.getString("actor")).isEqualTo("ops@example.org");
        java.util.List<String> all = api().when().get("/runs/" + runId + "/log").then().extract().jsonPath()
                .getList("lines", String.class);
        assertThat(all.size()).isGreaterThan(early.size());
        assertThat(all).anyMatch(l -> l.startsWith("doctor ") && l.contains(" run "));
    }

    private static java.util.List<String> awaitLogLines(String runId, int lines) {
        for (int i = 0; i < 1200; i++) {
            java.util.List<String> seen = api().when().get("/runs/" + runId + "/log").then().statusCode(200).extract()
                    .jsonPath().getList("lines", String.class);
            if (seen.size() >= lines) {
                return seen;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run " + runId + " never wrote " + lines + " lines");
    }

    @Test
    void aDeadNotifyServiceDoesNotStopTheGuardAndPushoverTakesTheAlertsRateLimited() {
        wireMock.stubFor(WireMock.post("/alerts").willReturn(WireMock.aResponse().withStatus(503)));
        host.use(HostScenario.healthy().tailscaleUp(false).sshdPublic(true));
        JsonPath entry = ActionRuns.guard(api());
        assertThat(entry.getString("outcome")).isEqualTo("FAIL");
        // the first direct page of a check is sent, later ones within 30 min rate-limited (another test may have been first)
        String direct = "\\(not delivered: notify-service answered 503; (sent to Pushover directly|Pushover rate-limited \\(last sent \\d+ min ago\\))\\)";
        assertThat(entry.getList("alerts", String.class)).hasSize(2)
                .anyMatch(a -> a.matches("doctor\\.tailscale FAIL/critical " + direct))
                .anyMatch(a -> a.matches("doctor\\.public_ports FAIL/critical " + direct));
        JsonPath run = ActionRuns.awaitRun(entry.getString("runId"));
        assertThat(run.getString("summary")).doesNotContain("not delivered;");
        assertThat(host.commands()).doesNotContain(io.openclaw.hq.doctor.host.Probe.REMEDIATE_SSHD.wire());

        JsonPath again = ActionRuns.guard(api());
        assertThat(again.getList("alerts", String.class)).allMatch(a -> a.contains("Pushover rate-limited (last sent 0 min ago)"));
        List<LoggedRequest> pages = wireMock.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(Stubs.PUSHOVER)));
        assertThat(pages).as("at most one page per check").hasSizeLessThanOrEqualTo(2);
        for (LoggedRequest page : pages) {
            assertThat(page.getBodyAsString()).contains("token=" + CanarySecrets.value("pushover_token"))
                    .contains("priority=1");
        }
    }

    @Test
    void aNotifyServiceThatRefusesTheAlertIsReachableSoNoDirectPage() {
        wireMock.stubFor(WireMock.post("/alerts").willReturn(WireMock.aResponse().withStatus(400)));
        host.use(HostScenario.healthy().dockerPublic(true));
        JsonPath entry = ActionRuns.guard(api());
        assertThat(entry.getList("alerts", String.class)).containsExactly("doctor.docker_ports FAIL/critical (not delivered: notify-service answered 400)");
        assertThat(wireMock.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(Stubs.PUSHOVER)))).isEmpty();
        assertThat(ActionRuns.awaitRun(entry.getString("runId")).getString("summary")).contains("1 alert(s) not delivered");
    }

    @Test
    void guardHealthFailsWhenTheLastGuardRunIsOlderThanTwoIntervals() {
        guardLog.append(new io.openclaw.hq.doctor.model.GuardEntry(0, java.time.Instant.now().minus(java.time.Duration.ofMinutes(25)),
                "20260101T000000Z-old001", "test-vps", io.openclaw.hq.doctor.model.GuardOutcome.PASS,
                io.openclaw.hq.doctor.model.CheckStatus.PASS, java.util.List.of(), java.util.List.of(), java.util.List.of(), "doctor PASS"));
        JsonPath report = ActionRuns.doctor(api());
        assertThat(report.getString("checks.find { it.id == 'guard_health' }.status")).isEqualTo("FAIL");
        assertThat(report.getString("checks.find { it.id == 'guard_health' }.summary")).contains("more than two intervals");

        // that guard run saw the stale guard (FAIL); the one after it is recent: WARN, then PASS once it passed
        assertThat(ActionRuns.guard(api()).getString("outcome")).isEqualTo("FAIL");
        JsonPath recent = ActionRuns.doctor(api());
        assertThat(recent.getString("checks.find { it.id == 'guard_health' }.status")).isEqualTo("WARN");
        assertThat(ActionRuns.guard(api()).getString("outcome")).isEqualTo("PASS");
        JsonPath fresh = ActionRuns.doctor(api());
        assertThat(fresh.getString("checks.find { it.id == 'guard_health' }.status")).isEqualTo("PASS");
    }
}
