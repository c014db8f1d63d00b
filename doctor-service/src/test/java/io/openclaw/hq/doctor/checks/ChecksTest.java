package io.openclaw.hq.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.doctor.host.HostScenario;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.host.ProbeOutput;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.CheckStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The host-reading checks over probe answers, table-driven; an unusable answer is always FAIL. */
class ChecksTest {

    static HostFacts facts(Probe probe, int exit, String stdout) {
        return new HostFacts(Map.of(probe, new ProbeOutput(probe, exit, stdout, "", 1, null)), null);
    }

    static Stream<Arguments> tailscale() {
        return Stream.of(
                Arguments.of("running with IPs", HostScenario.fixture("tailscale_up.json"), 0, CheckStatus.PASS),
                Arguments.of("stopped", HostScenario.fixture("tailscale_down.json"), 0, CheckStatus.FAIL),
                Arguments.of("running without IPv4", "{\"BackendState\":\"Running\",\"Self\":{\"TailscaleIPs\":[]},\"Health\":[]}", 0,
                        CheckStatus.FAIL),
                Arguments.of("health messages", "{\"BackendState\":\"Running\",\"Self\":{\"TailscaleIPs\":[\"100.64.1.1\"]},"
                        + "\"Health\":[\"not connected to home DERP region\"]}", 0, CheckStatus.WARN),
                Arguments.of("not JSON", "tailscale: command not found", 0, CheckStatus.FAIL),
                Arguments.of("non-zero exit", HostScenario.fixture("tailscale_up.json"), 1, CheckStatus.FAIL));
    }

    @ParameterizedTest(name = "tailscale: {0}")
    @MethodSource("tailscale")
    void tailscaleCheck(String name, String stdout, int exit, CheckStatus expected) {
        CheckResult r = new TailscaleCheck().run(facts(Probe.TAILSCALE_STATUS, exit, stdout));
        assertThat(r.status()).isEqualTo(expected);
        assertThat(r.remediation() != null).isEqualTo(expected == CheckStatus.FAIL);
    }

    static Stream<Arguments> docker() {
        return Stream.of(
                Arguments.of("loopback only", HostScenario.fixture("docker_private.jsonl"), CheckStatus.PASS),
                Arguments.of("0.0.0.0 and ::", HostScenario.fixture("docker_public.jsonl"), CheckStatus.FAIL),
                Arguments.of("tailnet publish", "{\"Names\":\"x\",\"Ports\":\"100.100.7.42:8443->8443/tcp\"}", CheckStatus.PASS),
                Arguments.of("[::] publish", "{\"Names\":\"x\",\"Ports\":\"[::]:9000->9000/tcp\"}", CheckStatus.FAIL),
                Arguments.of("public address", "{\"Names\":\"x\",\"Ports\":\"203.0.113.9:80->80/tcp\"}", CheckStatus.FAIL),
                Arguments.of("no containers", "", CheckStatus.PASS),
                Arguments.of("unparseable line", "not json", CheckStatus.FAIL));
    }

    @ParameterizedTest(name = "docker: {0}")
    @MethodSource("docker")
    void dockerPortsCheck(String name, String stdout, CheckStatus expected) {
        assertThat(new DockerPortsCheck().run(facts(Probe.DOCKER_PS, 0, stdout)).status()).isEqualTo(expected);
    }

    @Test
    void dockerPortsNamesThePublicContainer() {
        CheckResult r = new DockerPortsCheck().run(facts(Probe.DOCKER_PS, 0, HostScenario.fixture("docker_public.jsonl")));
        assertThat(r.summary()).contains("adminer 0.0.0.0:8081->8080/tcp").contains("adminer :::8081->8080/tcp");
    }

    @Test
    void portAuditCarriesTheRemediationBoxWhenSshdIsPublic() {
        CheckResult r = new PublicPortAuditCheck().run(facts(Probe.LISTENERS, 0, HostScenario.fixture("ss_sshd_public.txt")));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.details()).contains("SSHD_PUBLIC");
        assertThat(r.remediation()).contains("openclaw_fix_ssh_tailscale_only.sh").contains("ssh.socket").contains("rolls everything back");
    }

    @Test
    void anUnreachableHostFailsEveryHostCheckWithTheReason() {
        HostFacts none = HostFacts.unreachable("host key of target x does not match");
        for (DoctorCheck check : List.of(new TailscaleCheck(), new PublicPortAuditCheck(), new DockerPortsCheck())) {
            CheckResult r = check.run(none);
            assertThat(r.status()).as(check.id()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.details()).anyMatch(d -> d.contains("does not match"));
        }
    }

    @Test
    void dfAndDuParsing() {
        assertThat(DiskAndLogsCheck.parseDf(HostScenario.fixture("df_full.txt")))
                .containsExactly(new DiskAndLogsCheck.Usage("/", 95), new DiskAndLogsCheck.Usage("/boot/efi", 6));
        assertThat(DiskAndLogsCheck.parseDuKb("du: cannot read directory '/var/log/private': Permission denied\n524288\t/var/log\n"))
                .isEqualTo(524288L);
        assertThat(DiskAndLogsCheck.parseDuKb("")).isNull();
    }
}
