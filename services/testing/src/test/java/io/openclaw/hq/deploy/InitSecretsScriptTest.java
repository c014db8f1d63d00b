package io.openclaw.hq.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs deploy/vps/init-secrets.sh on a temporary directory, as root like the operator does. */
class InitSecretsScriptTest {

    static final List<String> GENERATED = List.of("hq_internal_token", "openclaw_console_token", "db_password_postgres",
            "db_password_gateway", "db_password_llm_router", "db_password_doctor", "db_password_notify",
            "db_password_soma_sync", "db_password_runner");

    Path parent;
    Path dir;

    @BeforeEach
    void createParent() throws IOException {
        assumeTrue(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0,
                "the script chowns to uid 1001, which needs root (as on the VPS and in CI)");
        parent = Files.createTempDirectory("openclaw-init-secrets");
        dir = parent.resolve("secrets");
    }

    @AfterEach
    void removeParent() throws IOException {
        if (parent != null) {
            try (Stream<Path> files = Files.walk(parent)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void generatesEverySecretOwnedBy1001Mode0600WithoutPrintingAny() throws Exception {
        Run run = runScript();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(Files.getAttribute(dir, "unix:uid")).isEqualTo(1001);
        for (String name : GENERATED) {
            Path file = dir.resolve(name);
            String value = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(value).as(name).matches("[0-9a-f]{64}");
            assertThat(run.output()).as("the script prints no secret").doesNotContain(value);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(name).isEqualTo("rw-------");
            assertThat(Files.getAttribute(file, "unix:uid")).as(name).isEqualTo(1001);
            assertThat(Files.getAttribute(file, "unix:gid")).as(name).isEqualTo(1001);
        }
        assertThat(GENERATED.stream().map(name -> read(dir.resolve(name))).distinct()).hasSize(GENERATED.size());
    }

    @Test
    void runningAgainKeepsEveryValueAndTightensABroughtFile() throws Exception {
        assertThat(runScript().exitCode()).isZero();
        Map<String, String> before = new LinkedHashMap<>();
        GENERATED.forEach(name -> before.put(name, read(dir.resolve(name))));
        Path brought = dir.resolve("openai_api_key");
        Files.writeString(brought, "sk-brought-by-the-operator");
        Files.setPosixFilePermissions(brought, PosixFilePermissions.fromString("rw-r--r--"));

        Run again = runScript();

        assertThat(again.exitCode()).isZero();
        before.forEach((name, value) -> assertThat(read(dir.resolve(name))).as(name).isEqualTo(value));
        assertThat(again.output()).contains("kept      hq_internal_token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(brought))).isEqualTo("rw-------");
        assertThat(Files.getAttribute(brought, "unix:uid")).isEqualTo(1001);
    }

    @Test
    void refusesARelativeDirectory() throws Exception {
        Run run = runScript("relative/secrets");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("absolute path");
    }

    private record Run(int exitCode, String output) {
    }

    private Run runScript() throws Exception {
        return runScript(dir.toString());
    }

    private Run runScript(String directory) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", RepositoryRoot.resolve("deploy/vps/init-secrets.sh").toString())
                .redirectErrorStream(true);
        builder.environment().put("OPENCLAW_HOST_SECRETS_DIR", directory);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
