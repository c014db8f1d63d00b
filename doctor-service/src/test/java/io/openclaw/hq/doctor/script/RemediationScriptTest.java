package io.openclaw.hq.doctor.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/host/openclaw_fix_ssh_tailscale_only.sh, hermetic: a test root for /etc/ssh and stub
 * tailscale, systemctl, sshd and ss on PATH that log every call. Covers the reference's
 * scenarios: socket units, Include, conflicting directives, sshd -t / sshd -T / ss failures with
 * rollback, non-tailnet IP, Tailscale down, ssh vs sshd service.
 */
class RemediationScriptTest {

    static final Path SCRIPT = Path.of("../deploy/host/openclaw_fix_ssh_tailscale_only.sh").toAbsolutePath().normalize();
    static final String ORIGINAL_CONFIG = """
            Include /etc/ssh/sshd_config.d/*.conf
            Port 22
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            """;

    @TempDir
    Path root;

    Path bin;
    Map<String, String> env;

    record Result(int exit, String output, List<String> calls) {
        boolean called(String call) {
            return calls.contains(call);
        }
    }

    @BeforeEach
    void hostLayout() throws IOException {
        Files.createDirectories(root.resolve("etc/ssh/sshd_config.d"));
        Files.writeString(config(), ORIGINAL_CONFIG);
        bin = Files.createDirectories(root.resolve("stub-bin"));
        for (String stub : List.of("tailscale", "systemctl", "sshd", "ss")) {
            try (InputStream in = getClass().getResourceAsStream("/script-stubs/" + stub)) {
                Path file = bin.resolve(stub);
                Files.write(file, in.readAllBytes());
                file.toFile().setExecutable(true);
            }
        }
        env = new HashMap<>();
        env.put("STUB_TS_IP", "100.100.7.42");
        env.put("STUB_ACTIVE", "ssh.service");
        env.put("STUB_UNIT_FILES", "ssh.service");
    }

    Path config() {
        return root.resolve("etc/ssh/sshd_config");
    }

    Path dropIn() {
        return root.resolve("etc/ssh/sshd_config.d/99-tailscale-only.conf");
    }

    Result run() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.put("PATH", bin + ":/usr/bin:/bin");
        e.put("OPENCLAW_TEST_ROOT", root.toString());
        e.put("OPENCLAW_SETTLE_SECONDS", "0");
        e.put("STUB_LOG", root.resolve("calls.log").toString());
        e.putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("script finished").isTrue();
        Path log = root.resolve("calls.log");
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return new Result(p.exitValue(), out, calls);
    }

    List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("etc"))) {
            return files.filter(f -> f.getFileName().toString().contains(".bak.openclaw.")).toList();
        }
    }

    @Test
    void bindsSshdToTheTailscaleIpv4AndVerifies() throws Exception {
        Result r = run();
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(Files.readString(dropIn())).contains("AddressFamily inet\n").contains("ListenAddress 100.100.7.42\n");
        assertThat(r.calls()).contains("sshd -t", "sshd -T", "systemctl restart ssh.service", "ss -lntp");
        assertThat(r.output()).contains("OK: sshd listens on 100.100.7.42:22 only");
        assertThat(Files.readString(config())).isEqualTo(ORIGINAL_CONFIG);
        assertThat(backups()).isEmpty();
    }

    @Test
    void sshSocketIsDisabledMaskedAndReloadedBeforeTheRestart() throws Exception {
        env.put("STUB_ACTIVE", "ssh.service ssh.socket");
        Result r = run();
        assertThat(r.exit()).as(r.output()).isZero();
        List<String> calls = r.calls();
        int disable = calls.indexOf("systemctl disable --now ssh.socket");
        int mask = calls.indexOf("systemctl mask ssh.socket");
        int reload = calls.indexOf("systemctl daemon-reload");
        int restart = calls.indexOf("systemctl restart ssh.service");
        assertThat(disable).isNotNegative();
        assertThat(mask).isGreaterThan(disable);
        assertThat(reload).isGreaterThan(mask);
        assertThat(restart).isGreaterThan(reload);
    }

    @Test
    void sshdSocketAndTemplatedSshAtSocketsAreMaskedToo() throws Exception {
        env.put("STUB_ACTIVE", "ssh.service sshd.socket ssh@0-100.100.7.42:22-100.90.1.2:51234.socket");
        Result r = run();
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.calls()).contains("systemctl mask sshd.socket", "systemctl mask ssh@0-100.100.7.42:22-100.90.1.2:51234.socket")
                .doesNotContain("systemctl mask ssh.socket");
    }

    @Test
    void noSocketUnitsMeansNoMaskAndNoReload() throws Exception {
        Result r = run();
        assertThat(r.calls()).noneMatch(c -> c.startsWith("systemctl mask")).doesNotContain("systemctl daemon-reload");
    }

    @Test
    void aMissingIncludeDirectiveIsPrependedWithABackup() throws Exception {
        String noInclude = "Port 22\nPermitRootLogin prohibit-password\n";
        Files.writeString(config(), noInclude);
        Result r = run();
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(Files.readString(config())).startsWith("Include /etc/ssh/sshd_config.d/*.conf\n").endsWith(noInclude);
        assertThat(backups()).hasSize(1);
        assertThat(Files.readString(backups().get(0))).isEqualTo(noInclude);
    }

    @Test
    void conflictingListenAddressAndAddressFamilyAreCommentedOutWithBackups() throws Exception {
        Files.writeString(config(), ORIGINAL_CONFIG + "ListenAddress 0.0.0.0\nlistenaddress ::\nAddressFamily inet6\n");
        Path cloud = root.resolve("etc/ssh/sshd_config.d/50-cloud-init.conf");
        Files.writeString(cloud, "ListenAddress 0.0.0.0\nPasswordAuthentication no\n");
        Result r = run();
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(Files.readString(config())).contains("# disabled by openclaw: ListenAddress 0.0.0.0")
                .contains("# disabled by openclaw: listenaddress ::").contains("# disabled by openclaw: AddressFamily inet6")
                .doesNotContain("\nListenAddress 0.0.0.0");
        assertThat(Files.readString(cloud)).contains("# disabled by openclaw: ListenAddress 0.0.0.0").contains("PasswordAuthentication no");
        assertThat(backups()).hasSize(2);
    }

    @Test
    void anIncludeFixAndAConflictInTheSameFileKeepTheTrulyOriginalBackup() throws Exception {
        String original = "Port 22\nListenAddress 0.0.0.0\n";
        Files.writeString(config(), original);
        Result r = run();
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(backups()).hasSize(1);
        assertThat(Files.readString(backups().get(0))).isEqualTo(original);
    }

    @Test
    void sshdDashTFailingRollsEverythingBack() throws Exception {
        String original = "Port 22\nListenAddress 0.0.0.0\n";
        Files.writeString(config(), original);
        env.put("STUB_ACTIVE", "ssh.service ssh.socket");
        env.put("STUB_SSHD_T_EXIT", "255");
        Result r = run();
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("ROLLBACK: sshd -t rejected the configuration");
        assertThat(Files.readString(config())).isEqualTo(original);
        assertThat(dropIn()).doesNotExist();
        assertThat(r.calls()).contains("systemctl unmask ssh.socket", "systemctl enable ssh.socket")
                .doesNotContain("sshd -T");
    }

    @Test
    void anUnexpectedEffectiveConfigRollsBack() throws Exception {
        env.put("STUB_SSHD_T_EXTRA", "listenaddress 0.0.0.0:22");
        Result r = run();
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("ROLLBACK: effective listenaddress");
        assertThat(dropIn()).doesNotExist();
        assertThat(r.calls()).doesNotContain("ss -lntp");
        assertThat(Files.readString(config())).isEqualTo(ORIGINAL_CONFIG);
    }

    @Test
    void stillPublicAfterTheRestartRollsBackWithDebugOutput() throws Exception {
        env.put("STUB_SS_PUBLIC", "1");
        Result r = run();
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("ROLLBACK: port 22 is still public").contains("--- sshd -T (listen) ---");
        assertThat(dropIn()).doesNotExist();
        // the rollback restarts the daemon with the original config
        assertThat(r.calls().stream().filter(c -> c.equals("systemctl restart ssh.service")).count()).isEqualTo(2);
    }

    @Test
    void aFailedRestartRollsBack() throws Exception {
        env.put("STUB_RESTART_EXIT", "1");
        Result r = run();
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("ROLLBACK: systemctl restart ssh.service failed");
        assertThat(dropIn()).doesNotExist();
    }

    @Test
    void anIpOutsideTheTailnetIsRejectedAndNothingIsTouched() throws Exception {
        env.put("STUB_TS_IP", "10.0.0.5");
        Result r = run();
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.output()).contains("outside 100.64.0.0/10").contains("nothing was changed");
        assertThat(r.calls()).noneMatch(c -> c.startsWith("systemctl") || c.startsWith("sshd"));
        assertThat(dropIn()).doesNotExist();
        assertThat(Files.readString(config())).isEqualTo(ORIGINAL_CONFIG);
    }

    @Test
    void tailscaleDownMeansSshdIsNeverTouched() throws Exception {
        env.put("STUB_TS_IP", "");
        Files.writeString(config(), "Port 22\nListenAddress 0.0.0.0\n");
        Result r = run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("lockout prevention");
        assertThat(r.calls()).containsExactly("tailscale ip -4");
        assertThat(Files.readString(config())).isEqualTo("Port 22\nListenAddress 0.0.0.0\n");
        assertThat(backups()).isEmpty();
    }

    @Test
    void sshdServiceIsRestartedWhenThatIsTheDaemonUnit() throws Exception {
        env.put("STUB_ACTIVE", "sshd.service");
        env.put("STUB_UNIT_FILES", "sshd.service");
        Result r = run();
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.calls()).contains("systemctl restart sshd.service").doesNotContain("systemctl restart ssh.service");
    }

    @Test
    void aPreviousDropInIsRestoredOnRollback() throws Exception {
        String previous = "# earlier run\nAddressFamily inet\nListenAddress 100.100.7.41\n";
        Files.writeString(dropIn(), previous);
        env.put("STUB_SSHD_T_EXIT", "1");
        Result r = run();
        assertThat(r.exit()).isNotZero();
        assertThat(Files.readString(dropIn())).isEqualTo(previous);
    }
}
