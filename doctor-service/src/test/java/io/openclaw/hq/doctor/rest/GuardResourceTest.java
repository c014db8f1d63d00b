package io.openclaw.hq.doctor.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
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
        api().when().post("/guard/run").then().statusCode(200).body("outcome", equalTo("FAIL"))
                .body("failing", org.hamcrest.Matchers.contains("docker_ports"));
        host.use(HostScenario.healthy());
        api().when().post("/guard/run").then().statusCode(200).body("outcome", equalTo("PASS"));
        assertThat(Stubs.alerts(wireMock)).containsExactly("doctor.docker_ports FAIL critical", "doctor.docker_ports OK info");
    }

    @Test
    void statusAndLogShowTheLastRunsOldestFirstInTheLog() {
        api().when().post("/guard/run").then().statusCode(200);
        host.use(HostScenario.healthy().diskFull(true));
        api().when().post("/guard/run").then().statusCode(200);

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
    void aHeldHostLockSkipsTheGuardWithoutTouchingTheHost() {
        try (LockHandle held = locks.acquire("host:test-vps", "20260101T000000Z-heal01")) {
            JsonPath entry = api().when().post("/guard/run").then().statusCode(200).extract().jsonPath();
            assertThat(entry.getString("outcome")).isEqualTo("LOCKED");
            assertThat(entry.getString("message")).contains("20260101T000000Z-heal01");
            api().when().get("/runs/" + entry.getString("runId")).then().statusCode(200).body("status", equalTo("refused"));
        }
        assertThat(host.commands()).isEmpty();
        assertThat(Stubs.alerts(wireMock)).isEmpty();
    }

    @Test
    void aDeadNotifyServiceDoesNotStopTheGuardAndIsLogged() {
        wireMock.stubFor(WireMock.post("/alerts").willReturn(WireMock.aResponse().withStatus(503)));
        host.use(HostScenario.healthy().tailscaleUp(false).sshdPublic(true));
        JsonPath entry = api().when().post("/guard/run").then().statusCode(200).extract().jsonPath();
        assertThat(entry.getString("outcome")).isEqualTo("FAIL");
        assertThat(entry.getList("alerts", String.class)).containsExactly("doctor.tailscale FAIL/critical (not delivered)",
                "doctor.public_ports FAIL/critical (not delivered)");
        assertThat(host.commands()).doesNotContain(io.openclaw.hq.doctor.host.Probe.REMEDIATE_SSHD.wire());
    }

    @Test
    void guardHealthFailsWhenTheLastGuardRunIsOlderThanTwoIntervals() {
        guardLog.append(new io.openclaw.hq.doctor.model.GuardEntry(0, java.time.Instant.now().minus(java.time.Duration.ofMinutes(25)),
                "20260101T000000Z-old001", "test-vps", io.openclaw.hq.doctor.model.GuardOutcome.PASS,
                io.openclaw.hq.doctor.model.CheckStatus.PASS, java.util.List.of(), java.util.List.of(), java.util.List.of(), "doctor PASS"));
        JsonPath report = api().when().post("/doctor/run").then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("checks.find { it.id == 'guard_health' }.status")).isEqualTo("FAIL");
        assertThat(report.getString("checks.find { it.id == 'guard_health' }.summary")).contains("more than two intervals");

        // that guard run saw the stale guard (FAIL); the one after it is recent: WARN, then PASS once it passed
        api().when().post("/guard/run").then().statusCode(200).body("outcome", equalTo("FAIL"));
        JsonPath recent = api().when().post("/doctor/run").then().statusCode(200).extract().jsonPath();
        assertThat(recent.getString("checks.find { it.id == 'guard_health' }.status")).isEqualTo("WARN");
        api().when().post("/guard/run").then().statusCode(200).body("outcome", equalTo("PASS"));
        JsonPath fresh = api().when().post("/doctor/run").then().statusCode(200).extract().jsonPath();
        assertThat(fresh.getString("checks.find { it.id == 'guard_health' }.status")).isEqualTo("PASS");
    }
}
