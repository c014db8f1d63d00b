package io.openclaw.hq.doctor.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openclaw.hq.doctor.config.Target;
import io.openclaw.hq.platform.secrets.SecretResolver;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sshj against Apache MINA SSHD in-process: pinned host key, key from secrets, parallel channels. */
class SshHostShellTest {

    private static FakeVpsHost host;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        host = new FakeVpsHost();
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        host.close();
        pool.shutdownNow();
    }

    @BeforeEach
    void reset() {
        host.use(HostScenario.healthy());
    }

    private SshHostShell shell(String hostAddress, String fingerprint, SecretResolver secrets) {
        Target target = new Target(hostAddress, host.port(), "root", fingerprint, null);
        return new SshHostShell("test-vps", target, () -> secrets.resolve(SshHostShell.KEY_SECRET), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5), pool);
    }

    @Test
    void runsEveryProbeOverOneConnectionAndReadsTheFixtureAnswers() {
        SshHostShell shell = shell("127.0.0.1", host.hostKeyFingerprint(),
                SecretsInDirectory.withPrivateKey(host.clientPrivateKeyOpenSsh()));
        EnumSet<Probe> probes = EnumSet.of(Probe.LISTENERS, Probe.TAILSCALE_STATUS, Probe.DOCKER_PS, Probe.DISK, Probe.LOG_SIZES);
        try (HostSession session = shell.open()) {
            Map<Probe, ProbeOutput> out = session.runAll(probes);
            assertThat(out).containsOnlyKeys(probes);
            assertThat(out.values()).allMatch(ProbeOutput::succeeded);
            assertThat(out.get(Probe.LISTENERS).stdout()).contains("100.100.7.42:22");
            assertThat(out.get(Probe.TAILSCALE_STATUS).stdout()).contains("\"BackendState\":\"Running\"");
        }
        assertThat(host.commands()).containsExactlyInAnyOrder("ss -tlnp", "tailscale status --json",
                "docker ps --format '{{json .}}'", "df -P -k -x tmpfs -x devtmpfs -x overlay -x squashfs", "du -sk /var/log");
    }

    @Test
    void aCommandOutsideTheFixtureGetsTheGatesRefusalAsAnExitCode() {
        SshHostShell shell = shell("127.0.0.1", host.hostKeyFingerprint(),
                SecretsInDirectory.withPrivateKey(host.clientPrivateKeyOpenSsh()));
        host.scenario().remediationSucceeds(false);
        try (HostSession session = shell.open()) {
            ProbeOutput fix = session.run(Probe.REMEDIATE_SSHD);
            assertThat(fix.succeeded()).isFalse();
            assertThat(fix.exitCode()).isEqualTo(1);
            assertThat(fix.problem()).contains("exit 1").contains("rolled back");
        }
    }

    @Test
    void aProbeTheHostNeverAnswersTimesOutAndTheOthersStillAnswer() {
        Target target = new Target("127.0.0.1", host.port(), "root", host.hostKeyFingerprint(), null);
        SecretResolver secrets = SecretsInDirectory.withPrivateKey(host.clientPrivateKeyOpenSsh());
        SshHostShell shell = new SshHostShell("test-vps", target, () -> secrets.resolve(SshHostShell.KEY_SECRET),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1), pool);
        host.use(HostScenario.healthy().hangsOn(Probe.DOCKER_PS));
        try (HostSession session = shell.open()) {
            Map<Probe, ProbeOutput> out = session.runAll(EnumSet.of(Probe.LISTENERS, Probe.DOCKER_PS));
            assertThat(out.get(Probe.DOCKER_PS).succeeded()).isFalse();
            assertThat(out.get(Probe.DOCKER_PS).error()).isEqualTo("timed out after 1 s");
            assertThat(out.get(Probe.LISTENERS).succeeded()).isTrue();
        }
    }

    @Test
    void aHostKeyThatDoesNotMatchThePinRefusesTheConnectionBeforeAnyCommand() {
        String otherFingerprint = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        SshHostShell shell = shell("127.0.0.1", otherFingerprint, SecretsInDirectory.withPrivateKey(host.clientPrivateKeyOpenSsh()));
        assertThatThrownBy(shell::open).isInstanceOf(HostUnreachableException.class)
                .hasMessageContaining("does not match the pinned fingerprint");
        assertThat(host.commands()).isEmpty();
    }

    @Test
    void aTargetOutsideTheTailnetIsRefusedWithoutConnecting() {
        SshHostShell shell = shell("203.0.113.10", host.hostKeyFingerprint(),
                SecretsInDirectory.withPrivateKey(host.clientPrivateKeyOpenSsh()));
        assertThatThrownBy(shell::open).isInstanceOf(HostUnreachableException.class)
                .hasMessageContaining("outside 100.64.0.0/10 and loopback");
    }

    @Test
    void withoutThePrivateKeySecretNothingIsAttempted() {
        SshHostShell shell = shell("127.0.0.1", host.hostKeyFingerprint(), SecretsInDirectory.withPrivateKey(null));
        assertThatThrownBy(shell::open).isInstanceOf(HostUnreachableException.class)
                .hasMessageContaining("doctor_ssh_private_key is missing");
        assertThat(host.commands()).isEmpty();
    }

    @Test
    void aKeyTheHostDoesNotKnowIsRefusedAndTheErrorCarriesNoKeyMaterial() throws Exception {
        FakeVpsHost stranger = new FakeVpsHost();
        String foreignKey = stranger.clientPrivateKeyOpenSsh();
        stranger.close();
        SshHostShell shell = shell("127.0.0.1", host.hostKeyFingerprint(), SecretsInDirectory.withPrivateKey(foreignKey));
        assertThatThrownBy(shell::open).isInstanceOf(HostUnreachableException.class)
                .hasMessageContaining("authentication to target test-vps as root failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("PRIVATE KEY"));
        assertThat(host.commands()).isEmpty();
    }
}
