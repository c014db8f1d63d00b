package io.openclaw.hq.doctor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.doctor.ActionRuns;
import io.openclaw.hq.doctor.DoctorTestResources;
import io.openclaw.hq.doctor.guard.GuardScenarios;
import io.openclaw.hq.doctor.host.FakeVpsHost;
import io.openclaw.hq.doctor.host.HostScenario;
import io.openclaw.hq.doctor.host.MinaHostResource;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.service.Stubs;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rows of deploy/host/guard-scenarios.json the Java guard can meet (it runs only while
 * PostgreSQL and its container do), through the real guard: MINA as the host, WireMock as
 * notify-service (503 = unreachable) and as Pushover. The host guard's tests assert the same rows.
 */
@QuarkusTest
@DoctorTestResources
class GuardTableResourceTest {

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
    }

    static List<GuardScenarios.Scenario> rowsTheJavaGuardMeets() {
        return GuardScenarios.all().stream().filter(s -> s.containersUp() && s.postgresUp()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsTheJavaGuardMeets")
    void theJavaGuardFollowsTheTable(GuardScenarios.Scenario s) {
        if (!s.notifyReachable()) {
            wireMock.stubFor(WireMock.post("/alerts").willReturn(WireMock.aResponse().withStatus(503)));
        }
        host.use(HostScenario.healthy().tailscaleUp(s.tailscaleUp()).sshdPublic(s.sshdPublic()));

        JsonPath entry = ActionRuns.guard(ActionRuns.api());

        assertThat(host.commands().contains(Probe.REMEDIATE_SSHD.wire())).as("remediation ran").isEqualTo(s.remediateSshd());
        List<String> failAlerts = entry.getList("alerts", String.class).stream().filter(a -> a.contains(" FAIL/")).toList();
        switch (s.alert()) {
            case "none" -> assertThat(entry.getList("alerts", String.class)).isEmpty();
            case "notify" -> {
                assertThat(failAlerts).isNotEmpty().noneMatch(a -> a.contains("Pushover"));
                assertThat(Stubs.alerts(wireMock)).isNotEmpty();
                assertThat(wireMock.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(Stubs.PUSHOVER)))).isEmpty();
            }
            case "pushover" -> assertThat(failAlerts).isNotEmpty()
                    .allMatch(a -> a.contains("sent to Pushover directly") || a.contains("Pushover rate-limited"));
            default -> throw new AssertionError("unknown alert channel in the table: " + s.alert());
        }
    }
}
