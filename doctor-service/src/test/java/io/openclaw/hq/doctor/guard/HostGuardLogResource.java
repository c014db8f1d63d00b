package io.openclaw.hq.doctor.guard;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The host guard's log for the module's Quarkus boot: a file in a temporary directory with one
 * fresh PASS line (written at start-up), so check 9 sees a host guard that runs; tests that need
 * another state write the file through {@link #write}.
 */
public class HostGuardLogResource implements QuarkusTestResourceLifecycleManager {

    public static final String PROPERTY = "doctor.host-guard.log-path";
    private static Path log;

    public static Path log() {
        return log;
    }

    /** A host-guard line as deploy/host/openclaw_guard.sh writes it. */
    public static String line(Instant at, String outcome, String auditHead) {
        return at.truncatedTo(ChronoUnit.SECONDS) + " openclaw-guard " + outcome + " tailscale=up:100.100.7.42 sshd=private "
                + "containers=7 postgres=up remediate=no alert=none audit_head=" + auditHead;
    }

    public static void write(String... lines) {
        try {
            Files.writeString(log, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void fresh() {
        write(line(Instant.now(), "PASS", "none"));
    }

    @Override
    public Map<String, String> start() {
        try {
            log = Files.createTempDirectory("host-guard").resolve("openclaw_guard.log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fresh();
        return Map.of(PROPERTY, log.toString());
    }

    @Override
    public void stop() {
        try {
            Files.deleteIfExists(log);
            Files.deleteIfExists(log.getParent());
        } catch (IOException e) {
            // a temporary file left behind is not worth failing the suite over
        }
    }
}
