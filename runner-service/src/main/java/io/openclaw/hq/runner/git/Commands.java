package io.openclaw.hq.runner.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with an argument array, never through a shell, in a clean environment: only
 * {@code PATH}, {@code HOME}, {@code LANG} and what the caller adds. Nothing of the service's own
 * environment (where secrets may live) reaches a child.
 */
public final class Commands {

    public static final String SAFE_PATH = "/usr/local/bin:/usr/bin:/bin";

    private Commands() {
    }

    public static CommandResult run(Path directory, Duration timeout, Map<String, String> extraEnv, List<String> argv) {
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", SAFE_PATH);
        env.put("LANG", "C.UTF-8");
        env.put("HOME", System.getProperty("java.io.tmpdir"));
        env.putAll(extraEnv);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv.get(0), e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return new CommandResult(124, out.getNow(""), "timed out after " + timeout.toSeconds() + " s");
            }
            return new CommandResult(process.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + argv.get(0), e);
        } catch (Exception e) {
            throw new IllegalStateException("reading the output of " + argv.get(0) + ": " + e.getMessage(), e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
