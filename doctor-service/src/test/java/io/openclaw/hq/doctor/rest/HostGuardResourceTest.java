package io.openclaw.hq.doctor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.doctor.ActionRuns;
import io.openclaw.hq.doctor.DoctorTestResources;
import io.openclaw.hq.doctor.guard.HostGuardLogResource;
import io.openclaw.hq.doctor.host.FakeVpsHost;
import io.openclaw.hq.doctor.host.HostScenario;
import io.openclaw.hq.doctor.host.MinaHostResource;
import io.openclaw.hq.doctor.service.Stubs;
import io.openclaw.hq.testing.Contracts;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /guard/host and check 9 over the host guard's log: fresh, stale, unreadable, never written. */
@QuarkusTest
@DoctorTestResources
class HostGuardResourceTest {

    static final String HASH = "3f".repeat(32);

    @MinaHostResource.InjectHost
    FakeVpsHost host;

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void healthy() {
        Stubs.healthyStack(wireMock);
        Stubs.clearGuardLog(dataSource);
        host.use(HostScenario.healthy());
    }

    @AfterEach
    void restore() throws Exception {
        Files.setPosixFilePermissions(HostGuardLogResource.log().getParent(),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        HostGuardLogResource.fresh();
    }

    static JsonPath guardHealth() {
        JsonPath report = ActionRuns.doctor(ActionRuns.api());
        return JsonPath.from(report.prettify()).setRootPath("checks.find { it.id == 'guard_health' }");
    }

    @Test
    void aFreshHostGuardShowsItsLastCycleAuditHeadAndTail() {
        Instant now = Instant.now();
        HostGuardLogResource.write(
                HostGuardLogResource.line(now.minus(Duration.ofMinutes(10)), "PASS", "41:" + HASH),
                now + " PASS doctor PASS: 9 pass (the Java guard's line in the same file)",
                HostGuardLogResource.line(now, "FAIL", "unavailable") + " -- audit head unavailable: PostgreSQL is down");

        Response answer = ActionRuns.api().when().get("/guard/host?lines=20");
        answer.then().statusCode(200);
        JsonPath state = answer.jsonPath();

        assertThat(state.getBoolean("readable")).isTrue();
        assertThat(state.getBoolean("fresh")).isTrue();
        assertThat(state.getString("lastOutcome")).isEqualTo("FAIL");
        assertThat(state.getString("lastFacts.postgres")).isEqualTo("up");
        assertThat(state.getString("lastFacts.why")).isEqualTo("audit head unavailable: PostgreSQL is down");
        assertThat(state.getLong("auditHead.seq")).as("the newest head any cycle recorded").isEqualTo(41);
        assertThat(state.getString("auditHead.hash")).isEqualTo(HASH);
        assertThat(state.getList("lines", String.class)).hasSize(3);
        assertThat(state.getLong("staleAfterMinutes")).isEqualTo(25);
        Contracts.record("doctor-service", "guard-host", "GET", "/guard/host?lines=20", answer.statusCode(), answer.asString());

        JsonPath check = guardHealth();
        assertThat(check.getString("summary")).contains("host guard 0 min ago: FAIL");
        assertThat(check.getList("details", String.class).get(0)).startsWith("host guard (" + HostGuardLogResource.log() + "): ")
                .contains("openclaw-guard FAIL");
        assertThat(check.getList("details", String.class)).as("the log's tail in the report")
                .contains("host guard log: " + now + " PASS doctor PASS: 9 pass (the Java guard's line in the same file)");
    }

    @Test
    void checkNineFailsWhenTheHostGuardHasNotWrittenFor25Minutes() {
        HostGuardLogResource.write(HostGuardLogResource.line(Instant.now().minus(Duration.ofMinutes(26)), "PASS", "none"));

        assertThat(ActionRuns.api().when().get("/guard/host").then().statusCode(200).extract().jsonPath().getBoolean("fresh"))
                .isFalse();
        JsonPath check = guardHealth();
        assertThat(check.getString("status")).isEqualTo("FAIL");
        assertThat(check.getString("summary")).startsWith("host guard last wrote 26 min ago (more than 25 min)");
        assertThat(check.getString("remediation")).contains("systemctl status openclaw-guard.timer", "install_guard.sh");
    }

    @Test
    void justUnder25MinutesIsStillFresh() {
        HostGuardLogResource.write(HostGuardLogResource.line(Instant.now().minus(Duration.ofMinutes(24)), "PASS", "none"));
        assertThat(guardHealth().getString("summary")).doesNotContain("host guard last wrote").contains("host guard 24 min ago: PASS");
    }

    @Test
    void checkNineFailsClosedWhenTheLogCannotBeRead() throws Exception {
        Files.delete(HostGuardLogResource.log());

        JsonPath state = ActionRuns.api().when().get("/guard/host").then().statusCode(200).extract().jsonPath();
        assertThat(state.getBoolean("readable")).isFalse();
        assertThat(state.getString("error")).startsWith("cannot read " + HostGuardLogResource.log()).contains("no such file");
        JsonPath check = guardHealth();
        assertThat(check.getString("status")).isEqualTo("FAIL");
        assertThat(check.getString("summary")).startsWith("host guard log unreadable: cannot read " + HostGuardLogResource.log());
    }

    @Test
    void onlyTheJavaGuardsLinesMeanTheHostGuardNeverWrote() {
        HostGuardLogResource.write(Instant.now() + " PASS doctor PASS: 9 pass");
        JsonPath check = guardHealth();
        assertThat(check.getString("status")).isEqualTo("FAIL");
        assertThat(check.getString("summary")).startsWith("host guard has never written to " + HostGuardLogResource.log());
    }

    @Test
    void aFailedHostRemediationFailsCheckNine() {
        HostGuardLogResource.write(HostGuardLogResource.line(Instant.now(), "REMEDIATION_FAILED", "none"));
        JsonPath check = guardHealth();
        assertThat(check.getString("status")).isEqualTo("FAIL");
        assertThat(check.getString("summary")).startsWith("host guard: sshd remediation failed");
    }

    @Test
    void badLineCountsAre400() {
        ActionRuns.api().when().get("/guard/host?lines=0").then().statusCode(400);
        ActionRuns.api().when().get("/guard/host?lines=x").then().statusCode(400);
    }
}
