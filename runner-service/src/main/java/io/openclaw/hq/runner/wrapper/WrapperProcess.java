package io.openclaw.hq.runner.wrapper;

import io.openclaw.hq.runner.git.Commands;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs one wrapper: {@code setsid bash <wrapper>} in the worktree, with exactly the environment it
 * is given (nothing inherited from the service), stdin from /dev/null, stdout and stderr merged
 * and handed line by line to {@code output} as they come. At the timeout the whole process group
 * gets SIGTERM, after the grace period SIGKILL; when the wrapper ends by itself, whatever it left
 * running in its group is killed too, so nothing outlives the job.
 */
public final class WrapperProcess {

    static final String SETSID = "setsid";
    private static final int MAX_LINE = 8_000;
    /** Groups of wrappers running now: a stopping service kills them rather than leave them orphaned. */
    private static final java.util.Set<ProcessGroup> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private WrapperProcess() {
    }

    public static WrapperResult run(Path wrapper, Path workingDirectory, Map<String, String> environment,
            Duration timeout, Duration grace, int maxOutputLines, Consumer<String> output) {
        ProcessBuilder builder = new ProcessBuilder(List.of(SETSID, "bash", wrapper.toString()))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().put("PATH", Commands.SAFE_PATH);
        builder.environment().putAll(environment);
        if (!Files.isRegularFile(wrapper)) {
            throw new IllegalStateException("wrapper " + wrapper.getFileName() + " is missing");
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start wrapper " + wrapper.getFileName(), e);
        }
        ProcessGroup group = new ProcessGroup(process);
        RUNNING.add(group);
        AtomicLong lines = new AtomicLong();
        AtomicBoolean cut = new AtomicBoolean();
        Thread reader = new Thread(() -> pump(process, maxOutputLines, output, lines, cut), "wrapper-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        boolean timedOut = false;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                output.accept("runner: timeout after " + timeout.toSeconds() + " s; SIGTERM to the wrapper's process group, SIGKILL after "
                        + grace.toSeconds() + " s");
                group.terminate();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    output.accept("runner: the wrapper outlived its grace period; SIGKILL");
                }
            }
            // whatever the wrapper left behind in its group goes with it
            group.kill();
            process.waitFor(10, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            group.kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the wrapper ran", e);
        } finally {
            RUNNING.remove(group);
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        return new WrapperResult(exit, timedOut, lines.get(), cut.get());
    }

    /**
     * Kills every wrapper's process group still running. Called when the service stops: wrappers run
     * in sessions of their own, so they would outlive the JVM; their jobs are then recovered as
     * interrupted at the next start.
     */
    public static void killAll() {
        RUNNING.forEach(ProcessGroup::kill);
    }

    private static void pump(Process process, int maxLines, Consumer<String> output, AtomicLong lines, AtomicBoolean cut) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long n = lines.incrementAndGet();
                if (n <= maxLines) {
                    output.accept(line.length() > MAX_LINE
                            ? line.substring(0, MAX_LINE) + " …[line cut at " + MAX_LINE + " characters]" : line);
                } else if (cut.compareAndSet(false, true)) {
                    output.accept("runner: output cut after " + maxLines + " lines; the rest is read and dropped");
                }
            }
        } catch (IOException e) {
            output.accept("runner: output stopped: " + e.getMessage());
        }
    }
}
