package io.openclaw.hq.runner.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The runner's test world: the local repositories of {@link TestRepos}, a config folder with the
 * shipped job allowlist plus the test jobs and a repository allowlist of their file:// URLs, the
 * test wrappers folder, and a fresh work folder.
 */
public class GitReposResource implements QuarkusTestResourceLifecycleManager {

    private static Path configDir;
    private static Path workDir;

    public static synchronized Path configDir() {
        if (configDir == null) {
            try {
                configDir = Files.createTempDirectory("runner-test-config");
                workDir = Files.createTempDirectory("runner-test-work");
                Files.writeString(configDir.resolve("job_allowlist.json"), TestConfig.jobAllowlist());
                Files.writeString(configDir.resolve("repo_allowlist.json"), TestConfig.repoAllowlist());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return configDir;
    }

    public static Path workDir() {
        configDir();
        return workDir;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "openclaw.config.dir", configDir().toString(),
                "runner.work-dir", workDir().toString(),
                "runner.wrappers.extra-dir", Path.of("src/test/resources/wrappers").toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        // kept for the JVM, like the other shared test resources
    }
}
