package io.openclaw.hq.doctor.host;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The only commands the doctor ever runs on the host. There is no way to pass a command string
 * from outside: callers name a probe. Over SSH the exact {@link #wire()} text is sent and the
 * host's forced-command gate ({@code deploy/host/openclaw_probe_gate.sh}) runs only these texts.
 */
public enum Probe {
    LISTENERS("ss", "-tlnp"),
    SSHD_EFFECTIVE("sshd", "-T"),
    TAILSCALE_STATUS("tailscale", "status", "--json"),
    DOCKER_PS("docker", "ps", "--format", "{{json .}}"),
    DISK("df", "-P", "-k", "-x", "tmpfs", "-x", "devtmpfs", "-x", "overlay", "-x", "squashfs"),
    LOG_SIZES("du", "-sk", "/var/log"),
    GUARD_LOG_TAIL("tail", "-n", "20", "/var/log/openclaw_guard.log"),
    /** Appends the guard's line (sent on stdin) to the host's /var/log/openclaw_guard.log, where that file exists. */
    GUARD_LOG_APPEND("openclaw-guard-log-append"),
    REMEDIATE_SSHD("/usr/local/lib/openclaw/openclaw_fix_ssh_tailscale_only.sh");

    private final List<String> argv;

    Probe(String... argv) {
        this.argv = List.of(argv);
    }

    public List<String> argv() {
        return argv;
    }

    /** The command line as the gate matches it, each argument with shell metacharacters single-quoted. */
    public String wire() {
        return argv.stream().map(Probe::quote).collect(Collectors.joining(" "));
    }

    public boolean changesTheHost() {
        return this == REMEDIATE_SSHD;
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./:=-]+") ? arg : "'" + arg + "'";
    }
}
