package io.openclaw.hq.doctor.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.doctor.guard.GuardScenarios;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.CheckStatus;
import io.openclaw.hq.doctor.model.DoctorReport;
import io.openclaw.hq.doctor.model.Posture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java guard's rules against deploy/host/guard-scenarios.json, the table the host guard's
 * tests (HostGuardScriptTest) assert too. GuardTableResourceTest runs the rows the Java guard can
 * meet (it needs PostgreSQL and its own container) through the real service.
 */
class GuardDecisionTableTest {

    static List<GuardScenarios.Scenario> scenarios() {
        return GuardScenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyRowOfTheTable(GuardScenarios.Scenario s) {
        GuardDecision.Facts facts = new GuardDecision.Facts(s.tailscaleUp(), s.sshdPublic(), s.containersUp(), s.postgresUp(),
                s.notifyReachable());
        assertThat(GuardDecision.remediateSshd(facts)).as("remediate sshd").isEqualTo(s.remediateSshd());
        assertThat(GuardDecision.alertChannel(facts, false).wire()).as("alert").isEqualTo(s.alert());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theGuardPlanOnADoctorReportDecidesTheSame(GuardScenarios.Scenario s) {
        // what the doctor would report for the row's host: Tailscale check and port audit FAIL as they would
        Posture posture = new Posture(true, s.tailscaleUp(), s.tailscaleUp() ? "100.100.7.42" : null, s.sshdPublic());
        List<CheckResult> checks = List.of(
                check("tailscale", s.tailscaleUp() ? CheckStatus.PASS : CheckStatus.FAIL),
                check("public_ports", s.sshdPublic() ? CheckStatus.FAIL : CheckStatus.PASS));
        boolean anyFail = !s.tailscaleUp() || s.sshdPublic();
        DoctorReport report = new DoctorReport("r", "vps", "ssh", Instant.EPOCH, 1, anyFail ? CheckStatus.FAIL : CheckStatus.PASS,
                "", posture, checks);
        assertThat(GuardPlan.shouldRemediate(report)).isEqualTo(s.remediateSshd());
    }

    @Test
    void theTableCoversEveryRuleBothWays() {
        List<GuardScenarios.Scenario> all = GuardScenarios.all();
        assertThat(all).anyMatch(s -> s.remediateSshd()).anyMatch(s -> s.sshdPublic() && !s.tailscaleUp() && !s.remediateSshd());
        assertThat(all).extracting(GuardScenarios.Scenario::alert).contains("notify", "pushover", "none");
        assertThat(all).anyMatch(s -> !s.containersUp() && !s.postgresUp() && s.alert().equals("pushover"));
        assertThat(all).as("notify-service is a container: never reachable with every container down")
                .noneMatch(s -> !s.containersUp() && s.notifyReachable());
    }

    @Test
    void anUnreachableHostIsTailscaleDownForTheJavaGuard() {
        DoctorReport unreachable = new DoctorReport("r", "vps", "ssh", Instant.EPOCH, 1, CheckStatus.FAIL, "",
                new Posture(false, true, "100.100.7.42", true), List.of(check("tailscale", CheckStatus.FAIL)));
        assertThat(GuardDecision.of(unreachable, true).tailscaleUp()).isFalse();
        assertThat(GuardPlan.shouldRemediate(unreachable)).isFalse();
    }

    static CheckResult check(String id, CheckStatus status) {
        return new CheckResult(id, 1, id, status, id + " " + status, List.of(), status == CheckStatus.FAIL ? "fix" : null);
    }
}
