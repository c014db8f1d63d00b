package io.openclaw.hq.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One pretend VPS (and operator machine) in a temporary directory: a test root every script path lives
 * under (OPENCLAW_ROOT), stub commands first on PATH that log their argv, the stubs' arrangement files,
 * and a HOME with a git identity. Scripts run from the repository under test, never copied.
 */
final class HostSandbox {

    static final Path REPOSITORY = findRepository();
    static final List<String> STUBBED = List.of("docker", "docker-compose", "curl", "tailscale", "ufw", "systemctl", "ss", "ssh", "rsync",
            "apt-get", "git");

    final Path dir;
    final Path root;
    final Path bin;
    final Path state;
    final Path log;
    final Path home;
    final Map<String, String> env = new HashMap<>();

    HostSandbox(Path dir) throws IOException {
        this.dir = dir;
        root = Files.createDirectories(dir.resolve("root"));
        bin = Files.createDirectories(dir.resolve("bin"));
        state = Files.createDirectories(dir.resolve("stub-state"));
        home = Files.createDirectories(dir.resolve("home"));
        log = dir.resolve("calls.log");
        Files.writeString(log, "");
        Files.writeString(home.resolve(".gitconfig"), """
                [user]
                \tname = Host Test
                \temail = host-test@example.invalid
                [init]
                \tdefaultBranch = main
                [safe]
                \tdirectory = *
                """);
        stub("docker", StubCommands.DOCKER);
        stub("docker-compose", StubCommands.COMPOSE);
        // what "docker compose" answers, without a second log line of its own
        Files.writeString(bin.resolve("docker-compose-answers"), "#!/bin/bash\n" + StubCommands.COMPOSE);
        Files.setPosixFilePermissions(bin.resolve("docker-compose-answers"), PosixFilePermissions.fromString("rwxr-xr-x"));
        stub("curl", StubCommands.CURL);
        stub("tailscale", StubCommands.TAILSCALE);
        stub("ufw", StubCommands.UFW);
        stub("systemctl", StubCommands.SYSTEMCTL);
        stub("ss", StubCommands.SS);
        stub("ssh", StubCommands.SSH);
        stub("rsync", StubCommands.RSYNC);
        stub("apt-get", StubCommands.APT_GET);
        // git is real (the review gate is about real commits), but its calls are logged like the others'
        stub("git", "exec " + realCommand("git") + " \"$@\"\n");
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("STUB_LOG", log.toString());
        env.put("STUB_STATE", state.toString());
        env.put("OPENCLAW_ROOT", root.toString());
        env.put("OPENCLAW_HEALTH_ATTEMPTS", "2");
        // the checkout under test is a scratch repository: the guard's real installer comes from this one
        env.put("OPENCLAW_GUARD_INSTALLER", REPOSITORY.resolve("deploy/host/install_guard.sh").toString());
        env.put("OPENCLAW_HEALTH_INTERVAL", "0");
        env.put("LC_ALL", "C");
    }

    /** Replaces the stub NAME with one that logs its argv, then runs BODY. */
    void stub(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/bash\n"
                + "{ printf '%s' \"$(basename \"$0\")\"; for a in \"$@\"; do printf ' %s' \"$a\"; done; printf '\\n'; } >>\"$STUB_LOG\"\n"
                + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    void arrange(String file) throws IOException {
        Files.writeString(state.resolve(file), "");
    }

    void arrange(String file, String content) throws IOException {
        Files.writeString(state.resolve(file), content);
    }

    void unarrange(String file) throws IOException {
        Files.deleteIfExists(state.resolve(file));
    }

    String stubState(String file) {
        return read(state.resolve(file));
    }

    /** Every stub call so far, one "name arg arg" line each. */
    List<String> calls() {
        return read(log).lines().toList();
    }

    List<String> calls(String command) {
        return calls().stream().filter(line -> line.equals(command) || line.startsWith(command + " ")).toList();
    }

    void clearCalls() throws IOException {
        Files.writeString(log, "");
    }

    Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    Path secretsDir() {
        return path("/etc/ai-ops-runner/secrets");
    }

    Path stateDir() {
        return path("/var/lib/openclaw-hq");
    }

    /** Every secret value the host holds: the containers' and the host-only ones. */
    List<String> secretValues() throws IOException {
        List<String> values = new ArrayList<>();
        for (Path secrets : List.of(secretsDir(), path("/etc/ai-ops-runner/host"))) {
            if (Files.isDirectory(secrets)) {
                try (Stream<Path> files = Files.list(secrets)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String value = Files.readString(file).trim();
                        if (!value.isEmpty()) {
                            values.add(value);
                        }
                    }
                }
            }
        }
        return values;
    }

    Result run(Map<String, String> extraEnv, String stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Runs deploy/vps/SCRIPT from the repository under test. */
    Result vps(String script, String... args) throws IOException, InterruptedException {
        return vps(Map.of(), script, args);
    }

    Result vps(Map<String, String> extraEnv, String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(REPOSITORY.resolve("deploy/vps/" + script).toString());
        command.addAll(List.of(args));
        return run(extraEnv, null, command.toArray(String[]::new));
    }

    record Result(int exitCode, String output) {
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String realCommand(String name) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not on PATH");
    }

    private static Path findRepository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/vps/lib.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/vps/lib.sh above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
