package io.openclaw.hq.doctor.guard;

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

/**
 * A hermetic host for deploy/host/openclaw_guard.sh: a test root, the secrets directory with
 * canary values, and stubs on PATH (tailscale, ss, docker, curl, hostname; the remediation script
 * under the root) that log every call to {@code calls}. Each stub's behaviour is set through
 * {@link #env}; see src/test/resources/guard-stubs.
 */
public final class HostGuardRun {

    public static final Path SCRIPT = Path.of("../deploy/host/openclaw_guard.sh").toAbsolutePath().normalize();
    public static final String INTERNAL_TOKEN = "canary-internal-7f3a9c";
    public static final String PUSHOVER_TOKEN = "canary-pushover-token-b81e";
    public static final String PUSHOVER_USER = "canary-pushover-user-42d0";

    public final Path root;
    public final Path bin;
    public final Path calls;
    public final Map<String, String> env = new HashMap<>();
    public long now = 1_790_000_000L;

    public record Result(int exit, String output) {
    }

    public HostGuardRun(Path dir) throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls");
        for (String stub : List.of("tailscale", "ss", "docker", "curl", "hostname")) {
            copyStub(stub, bin.resolve(stub));
        }
        copyStub("fix-stub", Files.createDirectories(root.resolve("usr/local/lib/openclaw"))
                .resolve("openclaw_fix_ssh_tailscale_only.sh"));
        Path secrets = Files.createDirectories(root.resolve("etc/ai-ops-runner/secrets"));
        Files.writeString(secrets.resolve("hq_internal_token"), INTERNAL_TOKEN + "\n");
        Files.writeString(secrets.resolve("pushover_token"), PUSHOVER_TOKEN + "\n");
        Files.writeString(secrets.resolve("pushover_user"), PUSHOVER_USER + "\n");
        Files.writeString(calls, "");
        // a healthy host unless a test says otherwise
        env.put("GUARD_TS_IP", "100.100.7.42");
        env.put("GUARD_SSHD_PUBLIC", "0");
        env.put("GUARD_CONTAINERS", "up");
        env.put("GUARD_POSTGRES", "up");
        env.put("GUARD_NOTIFY", "up");
    }

    private static void copyStub(String name, Path to) throws IOException {
        try (InputStream in = HostGuardRun.class.getResourceAsStream("/guard-stubs/" + name)) {
            Files.write(to, in.readAllBytes());
        }
        to.toFile().setExecutable(true);
    }

    /** Sets the stubs to a row of the decision table. */
    public HostGuardRun given(GuardScenarios.Scenario s) {
        env.put("GUARD_TS_IP", s.tailscaleUp() ? "100.100.7.42" : "");
        env.put("GUARD_SSHD_PUBLIC", s.sshdPublic() ? "1" : "0");
        env.put("GUARD_CONTAINERS", s.containersUp() ? "up" : "down");
        env.put("GUARD_POSTGRES", s.postgresUp() ? "up" : "down");
        env.put("GUARD_NOTIFY", s.notifyReachable() ? "up" : "down");
        return this;
    }

    public Result run() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.clear();
        e.put("PATH", bin + ":/usr/bin:/bin");
        e.put("OPENCLAW_GUARD_ROOT", root.toString());
        e.put("OPENCLAW_GUARD_NOW", Long.toString(now));
        e.put("STUB_LOG", calls.toString());
        e.putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the guard finishes").isTrue();
        return new Result(p.exitValue(), out);
    }

    public Path log() {
        return root.resolve("var/log/openclaw-guard/openclaw_guard.log");
    }

    public List<String> logLines() throws IOException {
        return Files.exists(log()) ? Files.readAllLines(log()) : List.of();
    }

    public String lastLogLine() throws IOException {
        List<String> lines = logLines();
        assertThat(lines).as("the guard log has a line").isNotEmpty();
        return lines.get(lines.size() - 1);
    }

    public List<String> calls() throws IOException {
        return Files.readAllLines(calls);
    }

    public boolean remediationRan() throws IOException {
        return calls().stream().anyMatch(c -> c.startsWith("remediation"));
    }

    public long callsTo(String urlPart) throws IOException {
        return calls().stream().filter(c -> c.startsWith("curl-url ") && c.contains(urlPart)).count();
    }

    /** What curl was given on standard input, each config in order. */
    public String curlConfigs() throws IOException {
        Path configs = Path.of(calls + ".curl-configs");
        return Files.exists(configs) ? Files.readString(configs) : "";
    }
}
