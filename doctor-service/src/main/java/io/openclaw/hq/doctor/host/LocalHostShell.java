package io.openclaw.hq.doctor.host;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the probes on this machine, for {@code ./hq up} on a developer's computer. Same fixed
 * commands as over SSH, started without a shell. A missing binary (no tailscale on a laptop) is an
 * answer too: the check that needs it fails, visibly.
 */
public final class LocalHostShell implements HostShell {

    private final Duration probeTimeout;
    private final Duration remediationTimeout;
    private final ExecutorService pool;

    public LocalHostShell(Duration probeTimeout, Duration remediationTimeout, ExecutorService pool) {
        this.probeTimeout = probeTimeout;
        this.remediationTimeout = remediationTimeout;
        this.pool = pool;
    }

    @Override
    public String target() {
        return "local";
    }

    @Override
    public String mode() {
        return "local";
    }

    @Override
    public HostSession open() {
        return new HostSession() {
            @Override
            public ProbeOutput run(Probe probe, String stdin) {
                return runLocally(probe, stdin);
            }

            @Override
            public Map<Probe, ProbeOutput> runAll(Collection<Probe> probes) {
                return ParallelProbes.run(this, ParallelProbes.sorted(probes), pool);
            }

            @Override
            public void close() {
                // nothing is held between probes
            }
        };
    }

    private ProbeOutput runLocally(Probe probe, String stdin) {
        long start = System.nanoTime();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(probe.argv());
            if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            process = builder.start();
            if (stdin != null) {
                try (java.io.OutputStream in = process.getOutputStream()) {
                    in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            return ProbeOutput.failed(probe, probe.argv().get(0) + " is not available on this machine", millisSince(start));
        }
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readQuietly(process.getErrorStream()));
        try {
            String stdout = OutputReader.read(process.getInputStream());
            Duration timeout = probe.changesTheHost() ? remediationTimeout : probeTimeout;
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return ProbeOutput.failed(probe, "timed out after " + timeout.toSeconds() + " s", millisSince(start));
            }
            return new ProbeOutput(probe, process.exitValue(), stdout, stderr.join(), millisSince(start), null);
        } catch (IOException e) {
            process.destroyForcibly();
            return ProbeOutput.failed(probe, "output unreadable: " + e.getClass().getSimpleName(), millisSince(start));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return ProbeOutput.failed(probe, "interrupted", millisSince(start));
        }
    }

    private static String readQuietly(java.io.InputStream in) {
        try {
            return OutputReader.read(in);
        } catch (IOException e) {
            return "";
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
