package io.openclaw.hq.doctor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/host/install_guard.sh into a test root, systemctl stubbed: what it installs, and that a second run changes nothing. */
class GuardInstallerTest {

    static final Path INSTALLER = Path.of("../deploy/host/install_guard.sh").toAbsolutePath().normalize();
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    Path root;
    Path bin;
    Path calls;

    record Result(int exit, String output) {
    }

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls");
        Files.writeString(calls, "");
        try (InputStream in = getClass().getResourceAsStream("/guard-stubs/systemctl")) {
            Files.write(bin.resolve("systemctl"), in.readAllBytes());
        }
        bin.resolve("systemctl").toFile().setExecutable(true);
    }

    Result install(String... args) throws Exception {
        String[] command = Stream.concat(Stream.of("bash", INSTALLER.toString()), Stream.of(args)).toArray(String[]::new);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("STUB_LOG", calls.toString());
        pb.environment().remove("OPENCLAW_GUARD_INSTALL_ROOT");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** Every path under the root with its mode, link target or content hash: the installed state. */
    Map<String, String> state() throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    state.put(key, "-> " + Files.readSymbolicLink(p));
                } else {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    state.put(key, mode + (Files.isRegularFile(p) ? " " + Files.readString(p).hashCode() : ""));
                }
            }
        }
        return state;
    }

    @Test
    void installsScriptsUnitsAndTheLogThenEnablesTheTimer() throws Exception {
        Result r = install("--root", root.toString());
        assertThat(r.exit()).as(r.output()).isZero();

        Path lib = root.resolve("usr/local/lib/openclaw");
        for (String script : new String[] {"openclaw_guard.sh", "openclaw_fix_ssh_tailscale_only.sh", "openclaw_probe_gate.sh"}) {
            assertThat(lib.resolve(script)).hasSameTextualContentAs(REPO.resolve("deploy/host/" + script));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lib.resolve(script)))).isEqualTo("rwxr-xr-x");
        }
        for (String unit : new String[] {"openclaw-guard.service", "openclaw-guard.timer"}) {
            Path installed = root.resolve("etc/systemd/system/" + unit);
            assertThat(installed).hasSameTextualContentAs(REPO.resolve("deploy/systemd/" + unit));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(installed))).isEqualTo("rw-r--r--");
        }
        assertThat(Files.readString(root.resolve("etc/systemd/system/openclaw-guard.timer"))).contains("OnCalendar=*:0/10");
        assertThat(Files.readString(root.resolve("etc/systemd/system/openclaw-guard.service")))
                .contains("ExecStart=/usr/local/lib/openclaw/openclaw_guard.sh").doesNotContain("Requires=docker");
        Path log = root.resolve("var/log/openclaw-guard/openclaw_guard.log");
        assertThat(log).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-r-----");
        assertThat(Files.readSymbolicLink(root.resolve("var/log/openclaw_guard.log")))
                .isEqualTo(Path.of("openclaw-guard/openclaw_guard.log"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("var/lib/openclaw-guard"))))
                .isEqualTo("rwx------");
        assertThat(Files.readAllLines(calls)).containsExactly("systemctl daemon-reload", "systemctl enable --now openclaw-guard.timer");
    }

    @Test
    void aSecondRunLeavesTheSameStateAndReloadsNothing() throws Exception {
        assertThat(install("--root", root.toString()).exit()).isZero();
        Map<String, String> first = state();
        Files.writeString(calls, "");

        Result again = install("--root", root.toString());

        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(state()).isEqualTo(first);
        assertThat(again.output()).contains("nothing changed").doesNotContain("installed ");
        assertThat(Files.readAllLines(calls)).containsExactly("systemctl enable --now openclaw-guard.timer");
    }

    @Test
    void theReferencesOldLogIsKeptAtTheStartOfTheNewOneAndLinked() throws Exception {
        Path legacy = Files.createDirectories(root.resolve("var/log")).resolve("openclaw_guard.log");
        Files.writeString(legacy, "2026-11-01T00:00:00Z PASS doctor PASS: old line\n");
        assertThat(install("--root", root.toString()).exit()).isZero();
        assertThat(Files.isSymbolicLink(legacy)).isTrue();
        assertThat(Files.readString(legacy)).isEqualTo("2026-11-01T00:00:00Z PASS doctor PASS: old line\n");
    }

    @Test
    void theGuardInstalledByItRunsAndWritesWhereTheLinkPoints() throws Exception {
        assertThat(install("--root", root.toString()).exit()).isZero();
        HostGuardRun guard = new HostGuardRun(dir.resolve("host"));
        // the installed guard, not the repository's copy, against the installed layout
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("usr/local/lib/openclaw/openclaw_guard.sh").toString())
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", guard.bin + ":/usr/bin:/bin");
        pb.environment().put("OPENCLAW_GUARD_ROOT", root.toString());
        pb.environment().put("OPENCLAW_HOST_SECRETS_DIR", guard.root.resolve("etc/ai-ops-runner/secrets").toString());
        pb.environment().put("STUB_LOG", guard.calls.toString());
        pb.environment().put("GUARD_TS_IP", "100.100.7.42");
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(root.resolve("var/log/openclaw_guard.log"))).contains(" openclaw-guard PASS ");
    }

    @Test
    void refusesARelativeRootAndUnknownArguments() throws Exception {
        assertThat(install("--root", "relative/dir").exit()).isEqualTo(2);
        Result unknown = install("--force");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown argument '--force'");
        assertThat(install("--help").output()).contains("Idempotent");
    }
}
