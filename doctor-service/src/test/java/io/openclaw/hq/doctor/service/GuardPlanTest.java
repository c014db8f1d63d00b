package io.openclaw.hq.doctor.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.CheckStatus;
import io.openclaw.hq.doctor.model.DoctorReport;
import io.openclaw.hq.doctor.model.Posture;
import io.openclaw.hq.platform.notify.AlertRequest;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The guard's pure decisions: when sshd may be touched, and what notify-service is told. */
class GuardPlanTest {

    static DoctorReport report(CheckStatus status, Posture posture, CheckResult... checks) {
        return new DoctorReport("r1", "vps", "ssh", Instant.EPOCH, 1, status, "", posture, List.of(checks));
    }

    static CheckResult check(String id, CheckStatus status) {
        return new CheckResult(id, 1, id, status, id + " " + status, List.of(), status == CheckStatus.FAIL ? "fix" : null);
    }

    static Stream<Arguments> remediation() {
        return Stream.of(
                // reachable, tailscaleUp, ipv4, sshdPublic, doctor status → remediate?
                Arguments.of(true, true, "100.64.0.1", true, CheckStatus.FAIL, true),
                Arguments.of(true, false, null, true, CheckStatus.FAIL, false),
                Arguments.of(true, true, null, true, CheckStatus.FAIL, false),
                Arguments.of(false, false, null, false, CheckStatus.FAIL, false),
                Arguments.of(true, true, "100.64.0.1", false, CheckStatus.FAIL, false),
                Arguments.of(true, true, "100.64.0.1", true, CheckStatus.WARN, false));
    }

    @ParameterizedTest
    @MethodSource("remediation")
    void sshdIsTouchedOnlyWhenReachableTailscaleUpAndSshdPublic(boolean reachable, boolean up, String ip, boolean sshdPublic,
            CheckStatus status, boolean expected) {
        DoctorReport r = report(status, new Posture(reachable, up, ip, sshdPublic), check("public_ports", status));
        assertThat(GuardPlan.shouldRemediate(r)).isEqualTo(expected);
    }

    @Test
    void resolvedAlertsOnlyForChecksThatStoppedFailing() {
        DoctorReport now = report(CheckStatus.FAIL, new Posture(true, true, "100.64.0.1", false),
                check("tailscale", CheckStatus.PASS), check("disk_logs", CheckStatus.WARN), check("docker_ports", CheckStatus.FAIL));
        List<AlertRequest> alerts = GuardPlan.resolvedAlerts(List.of("tailscale", "disk_logs", "docker_ports"), now, "doctor-service");
        assertThat(alerts).extracting(AlertRequest::checkId).containsExactly("doctor.tailscale", "doctor.disk_logs");
        assertThat(alerts).allMatch(a -> a.status().equals("OK") && a.severity().equals("info"));
    }

    @Test
    void oversizedTextIsCutVisiblyToNotifysLimits() {
        AlertRequest a = GuardPlan.alert("x", "FAIL", "critical", "t".repeat(500), "m".repeat(9000), "doctor-service");
        assertThat(a.title()).hasSize(200).endsWith("…[cut]");
        assertThat(a.message()).hasSize(8000).endsWith("…[cut]");
        assertThat(GuardPlan.alert("x", "FAIL", "critical", "short", "short", "s").title()).isEqualTo("short");
    }
}
