package io.openclaw.hq.doctor.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.doctor.ActionRuns;
import io.openclaw.hq.doctor.DoctorTestResources;
import io.openclaw.hq.doctor.host.FakeVpsHost;
import io.openclaw.hq.doctor.host.HostScenario;
import io.openclaw.hq.doctor.host.MinaHostResource;
import io.openclaw.hq.doctor.service.Stubs;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DoctorTestResources
class DoctorResourceTest {

    @MinaHostResource.InjectHost
    FakeVpsHost host;

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @jakarta.inject.Inject
    io.openclaw.hq.platform.locks.ResourceLocks locks;

    @BeforeEach
    void healthy() {
        Stubs.healthyStack(wireMock);
        host.use(HostScenario.healthy());
    }

    static RequestSpecification api() {
        return given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN);
    }

    @Test
    void aRunOnAHealthyHostReportsNineChecksKeepsDoctorJsonAndARun() throws Exception {
        JsonPath report = ActionRuns.doctor(api().header("X-HQ-Actor", "sha256:1a2b3c4d").header("X-HQ-Trigger", "web"));
        assertThat(report.getList("checks.number", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(report.getList("checks.id", String.class)).containsExactly("tailscale", "compose_stack", "api_healthz",
                "public_ports", "docker_ports", "disk_logs", "key_health", "console_bind", "guard_health");
        assertThat(report.getString("status")).isNotEqualTo("FAIL");
        assertThat(report.getString("mode")).isEqualTo("ssh");
        assertThat(report.getString("target")).isEqualTo("test-vps");
        assertThat(report.getBoolean("posture.tailscaleUp")).isTrue();
        assertThat(report.getString("posture.tailscaleIpv4")).isEqualTo("100.100.7.42");
        assertThat(Stubs.sorted(host.commands())).isEqualTo(Stubs.DOCTOR_PROBES);

        String runId = report.getString("runId");
        Path doctorJson = TestSecretsResource.artifactRoot().resolve("doctor/" + runId + "/doctor.json");
        assertThat(doctorJson).exists();
        assertThat(Files.readString(doctorJson)).contains("\"runId\" : \"" + runId + "\"");
        api().when().get("/runs/" + runId).then().statusCode(200)
                .body("action", equalTo("doctor")).body("status", equalTo("success"))
                .body("trigger", equalTo("web")).body("actor", equalTo("sha256:1a2b3c4d"))
                .body("artifacts", org.hamcrest.Matchers.hasItem("doctor/" + runId + "/doctor.json"));

        // key health shows masked forms and fingerprints, never a value
        String keyDetails = String.join("\n", report.getList("checks.find { it.id == 'key_health' }.details", String.class));
        assertThat(keyDetails).contains("openai_api_key (required): present from file").contains("sha256:");
        CanarySecrets.assertNoLeak(report.prettify(), "doctor report");
        CanarySecrets.assertNoLeakInTree(TestSecretsResource.artifactRoot());
        try (java.util.stream.Stream<Path> files = Files.walk(TestSecretsResource.artifactRoot())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(privateKeyBody());
            }
        }
        CanarySecrets.assertNoLeakInSchema("doctor");
        if (Files.exists(TestSecretsResource.LOG_FILE)) {
            String log = Files.readString(TestSecretsResource.LOG_FILE);
            CanarySecrets.assertNoLeak(log, "service log");
            assertThat(log).doesNotContain(privateKeyBody());
        }
    }

    /** A line from the middle of the doctor's private key: it must appear in no log and no artifact. */
    private String privateKeyBody() {
        List<String> lines = host.clientPrivateKeyOpenSsh().lines().toList();
        return lines.get(lines.size() / 2);
    }

    @Test
    void faultsOnTheHostAndInTheStackFailTheirOwnChecks() {
        host.use(HostScenario.healthy().dockerPublic(true).diskFull(true).sshdPublic(true));
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/ready/runner-service")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)
                        .withBody("{\"status\":\"DOWN\"}")));
        JsonPath report = ActionRuns.doctor(api());
        assertThat(report.getString("status")).isEqualTo("FAIL");
        Map<String, String> statuses = new java.util.TreeMap<>();
        report.getList("checks", Map.class).forEach(c -> statuses.put((String) c.get("id"), (String) c.get("status")));
        assertThat(statuses).containsEntry("docker_ports", "FAIL").containsEntry("disk_logs", "FAIL")
                .containsEntry("public_ports", "FAIL").containsEntry("compose_stack", "FAIL")
                .containsEntry("tailscale", "PASS").containsEntry("console_bind", "PASS");
        assertThat(report.getString("checks.find { it.id == 'compose_stack' }.summary")).contains("runner-service");
        assertThat(report.getString("checks.find { it.id == 'public_ports' }.remediation")).contains("SSHD_PUBLIC");
        assertThat(report.getBoolean("posture.sshdPublic")).isTrue();
        api().when().get("/runs/" + report.getString("runId")).then().statusCode(200).body("status", equalTo("failure"));
    }

    @Test
    void reportsComeNewestFirstAndHistoryCountsEachCheckPerDay() {
        String first = ActionRuns.doctor(api()).getString("runId");
        host.use(HostScenario.healthy().dockerPublic(true));
        String second = ActionRuns.doctor(api()).getString("runId");

        // other tests' runs (a guard's child doctor run, say) may end in the same second: what counts
        // is that of these two the newer comes first
        List<String> ids = api().when().get("/doctor/reports?limit=10").then().statusCode(200).extract().jsonPath()
                .getList("runId", String.class);
        assertThat(ids).contains(second, first);
        assertThat(ids.indexOf(second)).as("the newer report first").isLessThan(ids.indexOf(first));

        JsonPath history = api().when().get("/doctor/history?days=7").then().statusCode(200).extract().jsonPath();
        assertThat(history.getInt("days")).isEqualTo(7);
        assertThat(history.getList("checks", String.class)).hasSize(9);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        int dockerFails = history.getInt("points.find { it.date == '" + today + "' && it.checkId == 'docker_ports' }.fail");
        int tailscalePasses = history.getInt("points.find { it.date == '" + today + "' && it.checkId == 'tailscale' }.pass");
        assertThat(dockerFails).isGreaterThanOrEqualTo(1);
        assertThat(tailscalePasses).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theAnswerComesOnceTheRunIsRecordedAndEachCheckIsLoggedAsItFinishes() {
        java.util.concurrent.CountDownLatch release = host.hold(io.openclaw.hq.doctor.host.Probe.DISK);
        JsonPath accepted = api().header("X-HQ-Trigger", "sms").header("X-HQ-Actor", "+15551234567")
                .when().post("/doctor/run").then().statusCode(202).extract().jsonPath();
        String runId = accepted.getString("runId");
        assertThat(accepted.getString("run.status")).isEqualTo("running");
        assertThat(accepted.getString("run.action")).isEqualTo("doctor");
        assertThat(accepted.getString("run.trigger")).isEqualTo("sms");
        // held at the host: no report yet, the output already says what it is doing
        api().when().get("/doctor/reports/" + runId).then().statusCode(404);
        api().when().get("/runs/" + runId + "/log").then().statusCode(200).body("finished", equalTo(false));

        release.countDown();
        JsonPath run = io.openclaw.hq.doctor.ActionRuns.awaitRun(runId);
        assertThat(run.getString("status")).isEqualTo("success");
        assertThat(run.getString("actor")).isEqualTo("+15551234567");
        List<String> lines = api().when().get("/runs/" + runId + "/log").then().extract().jsonPath().getList("lines", String.class);
        assertThat(lines.get(0)).startsWith("connecting to test-vps");
        assertThat(lines).filteredOn(l -> l.matches("\\d\\. .*")).hasSize(9);
        assertThat(lines.get(lines.size() - 1)).startsWith("doctor ");
        api().when().get("/doctor/reports/" + runId).then().statusCode(200).body("runId", equalTo(runId));
    }

    @Test
    void aBodyOnAnActionThatTakesNoneIsRefusedAndStartsNothing() {
        api().contentType("application/json").body("{\"checks\":[\"tailscale\"]}").when().post("/doctor/run").then()
                .statusCode(400).body("detail", containsString("takes no body"));
        api().contentType("application/json").body("{\"dryRun\":true}").when().post("/guard/run").then()
                .statusCode(400).body("detail", containsString("takes no body"));
        assertThat(host.commands()).isEmpty();
        api().contentType("application/json").body("{}").when().post("/doctor/run").then().statusCode(202);
    }

    @Test
    void outOfRangeParametersAreA400NamingTheParameter() {
        api().when().get("/doctor/reports?limit=0").then().statusCode(400).body("detail", containsString("limit must be between 1 and 100"));
        api().when().get("/doctor/reports?limit=abc").then().statusCode(400).body("detail", containsString("limit"));
        api().when().get("/doctor/reports/..%2Fx").then().statusCode(400);
        api().when().get("/doctor/reports/20000101T000000Z-000000").then().statusCode(404);
        api().when().get("/doctor/history?days=91").then().statusCode(400).body("detail", containsString("days must be between 1 and 90"));
        api().header("X-HQ-Trigger", "cron").when().post("/doctor/run").then().statusCode(400)
                .body("detail", containsString("X-HQ-Trigger"));
        api().header("X-HQ-Actor", "a b").when().post("/doctor/run").then().statusCode(400)
                .body("detail", containsString("X-HQ-Actor"));
    }

    /**
     * The answers hq-gateway reads, recorded from this service's real answers as contract files
     * (contracts/doctor-service/*.json) that the gateway's tests replay; a later change that drops
     * or renames a field they hold fails here. Representative data: a failing check with
     * remediation first, passing ones after, history with points, a guard run with an alert.
     */
    @Test
    void theAnswersTheGatewayReadsKeepTheirRecordedShape() {
        host.use(HostScenario.healthy().tailscaleUp(false));
        io.restassured.response.Response accepted = api().header("X-HQ-Actor", "ops@example.org")
                .header("X-HQ-Trigger", "web").when().post("/doctor/run");
        record("doctor-run", "POST", "/doctor/run", accepted);
        String doctorRun = accepted.path("runId");
        io.openclaw.hq.doctor.ActionRuns.awaitRun(doctorRun);
        io.restassured.response.Response reports = api().when().get("/doctor/reports?limit=10");
        assertThat(reports.jsonPath().getString("[0].checks[0].status")).isEqualTo("FAIL");
        assertThat(reports.jsonPath().getString("[0].checks[0].remediation")).isNotBlank();
        record("reports", "GET", "/doctor/reports?limit=10", reports);
        record("report", "GET", "/doctor/reports/{runId}", api().when().get("/doctor/reports/" + doctorRun));
        io.restassured.response.Response history = api().when().get("/doctor/history?days=7");
        assertThat(history.jsonPath().getList("points")).isNotEmpty();
        record("history", "GET", "/doctor/history?days=7", history);

        io.restassured.response.Response guardAccepted = api().header("X-HQ-Trigger", "timer").when().post("/guard/run");
        record("guard-run", "POST", "/guard/run", guardAccepted);
        String guardRun = guardAccepted.path("runId");
        io.openclaw.hq.doctor.ActionRuns.awaitRun(guardRun);
        io.restassured.response.Response guardStatus = api().when().get("/guard/status");
        assertThat(guardStatus.jsonPath().getList("lastRuns[0].alerts")).isNotEmpty();
        record("guard-status", "GET", "/guard/status", guardStatus);
        record("guard-log", "GET", "/guard/log?lines=20", api().when().get("/guard/log?lines=20"));

        host.use(HostScenario.healthy().sshdPublic(true));
        io.restassured.response.Response healAccepted = api().contentType("application/json")
                .body("{\"mode\":\"apply\"}").when().post("/heal");
        record("heal", "POST", "/heal", healAccepted);
        String healRun = healAccepted.path("runId");
        io.openclaw.hq.doctor.ActionRuns.awaitRun(healRun);
        io.restassured.response.Response heal = api().when().get("/heal/" + healRun);
        assertThat(heal.jsonPath().getBoolean("fix.attempted")).isTrue();
        record("heal-result", "GET", "/heal/{runId}", heal);
        try (io.openclaw.hq.platform.locks.LockHandle held = locks.acquire("host:test-vps", "20260101T000000Z-lock01")) {
            record("locked", "POST", "/guard/run", api().when().post("/guard/run"));
        }

        record("runs", "GET", "/runs?limit=5", api().when().get("/runs?limit=5"));
        record("run", "GET", "/runs/{runId}", api().when().get("/runs/" + guardRun));
        record("run-log", "GET", "/runs/{runId}/log?after=0", api().when().get("/runs/" + guardRun + "/log?after=0"));
        record("run-missing", "GET", "/runs/{runId}", api().when().get("/runs/20000101T000000Z-000000"));
    }

    private static void record(String name, String method, String path, io.restassured.response.Response answer) {
        io.openclaw.hq.testing.Contracts.record("doctor-service", name, method, path, answer.statusCode(), answer.asString());
    }
}
