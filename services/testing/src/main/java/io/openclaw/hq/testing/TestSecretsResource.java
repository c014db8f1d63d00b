package io.openclaw.hq.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fresh secrets directory holding every canary (the internal token among them), a fresh
 * artifact root, and a log file to scan: what a service needs to boot in a test the way it boots
 * on the VPS.
 */
public class TestSecretsResource implements QuarkusTestResourceLifecycleManager {

    /** Where the test log goes; scanned for canaries. */
    public static final Path LOG_FILE = Path.of("target", "quarkus-test.log").toAbsolutePath();

    private static Path secretsDir;
    private static Path artifactRoot;

    public static synchronized Path secretsDir() {
        if (secretsDir == null) {
            try {
                secretsDir = Files.createTempDirectory("hq-test-secrets");
                artifactRoot = Files.createTempDirectory("hq-test-artifacts");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CanarySecrets.plant(secretsDir);
        }
        return secretsDir;
    }

    public static synchronized Path artifactRoot() {
        secretsDir();
        return artifactRoot;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "openclaw.secrets.dir", secretsDir().toString(),
                "openclaw.artifacts.root", artifactRoot().toString(),
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", LOG_FILE.toString());
    }

    @Override
    public void stop() {
        // kept for the JVM: a second boot in the same run must find the same state
    }
}
