package io.openclaw.hq.doctor.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.doctor.DoctorTestResources;
import io.openclaw.hq.doctor.host.FakeVpsHost;
import io.openclaw.hq.doctor.host.HostScenario;
import io.openclaw.hq.doctor.host.MinaHostResource;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.model.GuardEntry;
import io.openclaw.hq.doctor.model.GuardOutcome;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every combination of Tailscale up/down × sshd public/private × remediation success/failure:
 * exactly which commands reached the host (MINA SSHD) and which alerts reached notify-service
 * (WireMock).
 */
@QuarkusTest
@DoctorTestResources
class GuardDecisionMatrixTest {

    @MinaHostResource.InjectHost
    FakeVpsHost host;

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    GuardService guard;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void healthyStackAndEmptyGuardLog() {
        Stubs.healthyStack(wireMock);
        Stubs.clearGuardLog(dataSource);
    }

    static Stream<Arguments> matrix() {
        List<String> tailscaleDown = List.of("doctor.tailscale FAIL critical");
        List<String> tailscaleDownSshdPublic = List.of("doctor.tailscale FAIL critical", "doctor.public_ports FAIL critical");
        return Stream.of(
                Arguments.of(true, true, true, GuardOutcome.REMEDIATED, true,
                        List.of("doctor.public_ports FAIL critical", "doctor.public_ports OK info")),
                Arguments.of(true, true, false, GuardOutcome.REMEDIATION_FAILED, true,
                        List.of("doctor.public_ports FAIL critical", "guard.remediation FAIL emergency")),
                Arguments.of(true, false, true, GuardOutcome.PASS, false, List.of()),
                Arguments.of(true, false, false, GuardOutcome.PASS, false, List.of()),
                Arguments.of(false, true, true, GuardOutcome.FAIL, false, tailscaleDownSshdPublic),
                Arguments.of(false, true, false, GuardOutcome.FAIL, false, tailscaleDownSshdPublic),
                Arguments.of(false, false, true, GuardOutcome.FAIL, false, tailscaleDown),
                Arguments.of(false, false, false, GuardOutcome.FAIL, false, tailscaleDown));
    }

    @ParameterizedTest(name = "tailscaleUp={0} sshdPublic={1} remediationSucceeds={2} → {3}")
    @MethodSource("matrix")
    void decides(boolean tailscaleUp, boolean sshdPublic, boolean remediationSucceeds, GuardOutcome expectedOutcome,
            boolean expectRemediation, List<String> expectedAlerts) {
        host.use(HostScenario.healthy().tailscaleUp(tailscaleUp).sshdPublic(sshdPublic).remediationSucceeds(remediationSucceeds));

        GuardEntry entry = guard.run(RunTrigger.TIMER, "timer");

        assertThat(entry.outcome()).isEqualTo(expectedOutcome);
        List<String> all = host.commands();
        // the run ends by appending its line to the host's guard log
        assertThat(all.get(all.size() - 1)).isEqualTo(Probe.GUARD_LOG_APPEND.wire());
        assertThat(host.hostLog()).hasSize(1);
        assertThat(host.hostLog().get(0)).contains(" " + expectedOutcome + " ");
        List<String> commands = all.subList(0, all.size() - 1);
        if (expectRemediation) {
            // doctor, then the remediation, then the doctor again: nothing else, in that order
            assertThat(commands).hasSize(2 * Stubs.DOCTOR_PROBES.size() + 1);
            assertThat(Stubs.sorted(commands.subList(0, 5))).isEqualTo(Stubs.DOCTOR_PROBES);
            assertThat(commands.get(5)).isEqualTo(Probe.REMEDIATE_SSHD.wire());
            assertThat(Stubs.sorted(commands.subList(6, 11))).isEqualTo(Stubs.DOCTOR_PROBES);
        } else {
            assertThat(Stubs.sorted(commands)).isEqualTo(Stubs.DOCTOR_PROBES);
            assertThat(commands).doesNotContain(Probe.REMEDIATE_SSHD.wire());
        }
        assertThat(Stubs.alerts(wireMock)).containsExactlyElementsOf(expectedAlerts);
        Stubs.alertRequests(wireMock).forEach(r -> {
            assertThat(r.getHeader("X-HQ-Internal-Token")).isEqualTo(CanarySecrets.INTERNAL_TOKEN);
            assertThat(r.getBodyAsString()).contains("\"source\":\"doctor-service\"");
        });
        if (!tailscaleUp && sshdPublic) {
            assertThat(entry.actions()).anyMatch(a -> a.contains("Tailscale is down: sshd left untouched"));
        }
    }
}
