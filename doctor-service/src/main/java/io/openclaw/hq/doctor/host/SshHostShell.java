package io.openclaw.hq.doctor.host;

import io.openclaw.hq.doctor.audit.NetworkRanges;
import io.openclaw.hq.doctor.config.Target;
import io.openclaw.hq.platform.secrets.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * SSH to the active target through sshj: one connection per run, one channel per probe, channels
 * in parallel. The host key must match the pinned fingerprint, the host must be a tailnet or
 * loopback literal, and the private key comes from the secret {@code doctor_ssh_private_key}
 * (never a file path or an argument).
 */
public final class SshHostShell implements HostShell {

    public static final String KEY_SECRET = "doctor_ssh_private_key";
    // building the algorithm lists is costly; one immutable set serves every connection
    private static final DefaultConfig SSH_CONFIG = new DefaultConfig();
    // closes a channel whose probe outlives its timeout, which unblocks the reads waiting on it
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "doctor-ssh-watchdog");
                t.setDaemon(true);
                return t;
            });

    private final String name;
    private final Target target;
    private final Supplier<Optional<Secret>> privateKey;
    private final Duration connectTimeout;
    private final Duration probeTimeout;
    private final Duration remediationTimeout;
    private final ExecutorService pool;

    public SshHostShell(String name, Target target, Supplier<Optional<Secret>> privateKey, Duration connectTimeout,
            Duration probeTimeout, Duration remediationTimeout, ExecutorService pool) {
        this.name = name;
        this.target = target;
        this.privateKey = privateKey;
        this.connectTimeout = connectTimeout;
        this.probeTimeout = probeTimeout;
        this.remediationTimeout = remediationTimeout;
        this.pool = pool;
    }

    @Override
    public String target() {
        return name;
    }

    @Override
    public String mode() {
        return "ssh";
    }

    @Override
    public HostSession open() {
        if (!NetworkRanges.isTailnetOrLoopbackLiteral(target.host())) {
            throw new HostUnreachableException("target " + name + " (" + target.host()
                    + ") is outside 100.64.0.0/10 and loopback: refused");
        }
        Secret key = privateKey.get().orElseThrow(() -> new HostUnreachableException(
                "secret " + KEY_SECRET + " is missing: cannot authenticate to target " + name));
        PinnedHostKey pinned;
        try {
            pinned = new PinnedHostKey(target.hostKeyFingerprint());
        } catch (RuntimeException e) {
            throw new HostUnreachableException("target " + name + " has an unusable host key fingerprint: refused");
        }
        SSHClient ssh = new SSHClient(SSH_CONFIG);
        ssh.addHostKeyVerifier(pinned);
        ssh.setConnectTimeout((int) connectTimeout.toMillis());
        ssh.setTimeout((int) Math.max(probeTimeout.toMillis(), remediationTimeout.toMillis()));
        try {
            ssh.connect(target.host(), target.port());
        } catch (IOException e) {
            closeQuietly(ssh);
            if (pinned.refused()) {
                throw new HostUnreachableException("host key of target " + name
                        + " does not match the pinned fingerprint: connection refused");
            }
            throw new HostUnreachableException("cannot connect to target " + name + " (" + target.host() + ":"
                    + target.port() + "): " + e.getClass().getSimpleName());
        }
        try {
            KeyProvider keys = ssh.loadKeys(key.reveal(), null, null);
            ssh.authPublickey(target.user(), keys);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ssh);
            // the exception text could quote key material; only its type is kept
            throw new HostUnreachableException("authentication to target " + name + " as " + target.user()
                    + " failed: " + e.getClass().getSimpleName());
        }
        return new SshSession(ssh);
    }

    private final class SshSession implements HostSession {

        private final SSHClient ssh;

        SshSession(SSHClient ssh) {
            this.ssh = ssh;
        }

        @Override
        public ProbeOutput run(Probe probe, String stdin) {
            long start = System.nanoTime();
            Duration timeout = probe.changesTheHost() ? remediationTimeout : probeTimeout;
            java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
            try (Session session = ssh.startSession()) {
                java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
                    timedOut.set(true);
                    closeQuietly(session);
                }, timeout.toMillis(), TimeUnit.MILLISECONDS);
                try {
                    Session.Command command = session.exec(probe.wire());
                    if (stdin != null) {
                        // closing sends EOF, so the host side reads exactly this text
                        try (java.io.OutputStream in = command.getOutputStream()) {
                            in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }
                    String stdout = OutputReader.read(command.getInputStream());
                    String stderr = OutputReader.read(command.getErrorStream());
                    command.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    Integer exit = command.getExitStatus();
                    if (timedOut.get()) {
                        return ProbeOutput.failed(probe, "timed out after " + timeout.toSeconds() + " s", LocalHostShell.millisSince(start));
                    }
                    if (exit == null) {
                        return ProbeOutput.failed(probe, "no exit status from the host", LocalHostShell.millisSince(start));
                    }
                    return new ProbeOutput(probe, exit, stdout, stderr, LocalHostShell.millisSince(start), null);
                } finally {
                    watchdog.cancel(false);
                }
            } catch (IOException e) {
                String why = timedOut.get() ? "timed out after " + timeout.toSeconds() + " s"
                        : "ssh channel failed: " + e.getClass().getSimpleName();
                return ProbeOutput.failed(probe, why, LocalHostShell.millisSince(start));
            }
        }

        @Override
        public Map<Probe, ProbeOutput> runAll(Collection<Probe> probes) {
            return ParallelProbes.run(this, ParallelProbes.sorted(probes), pool);
        }

        @Override
        public void close() {
            closeQuietly(ssh);
        }
    }

    private static void closeQuietly(Session session) {
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // already closed, or the connection is gone
        }
    }

    private static void closeQuietly(SSHClient ssh) {
        try {
            ssh.disconnect();
        } catch (IOException | RuntimeException ignored) {
            // the connection is going away either way
        }
    }
}
