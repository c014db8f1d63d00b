package io.openclaw.hq.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process of the suite, started as ./hq starts it: a clean environment (only PATH, HOME, LANG
 * and the given settings; no secret ever in the environment or argv), output to its own log.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private Process process;
    private List<String> command;
    private Map<String, String> settings;

    ServiceProcess(String name, int port, Path log) {
        this.name = name;
        this.port = port;
        this.log = log;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    void start(List<String> command, Map<String, String> settings) {
        this.command = List.copyOf(command);
        this.settings = Map.copyOf(settings);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        String home = env.getOrDefault("HOME", "/root");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", home);
        env.put("LANG", "C.UTF-8");
        env.putAll(settings);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + name, e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the log's tail otherwise. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up:\n" + tail());
            }
            if (ready()) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s:\n" + tail());
    }

    boolean ready() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void awaitLogLine(String marker, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (logText().contains(marker)) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " did not log '" + marker + "' within " + timeout.toSeconds() + " s:\n" + tail());
    }

    /** Like {@link #awaitLogLine}, for a restart: the marker must appear more often than {@code seenBefore} times. */
    void awaitLogLineAgain(String marker, int seenBefore, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (occurrences(marker) > seenBefore) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " did not log '" + marker + "' again within " + timeout.toSeconds() + " s:\n" + tail());
    }

    int occurrences(String marker) {
        return logText().split(java.util.regex.Pattern.quote(marker), -1).length - 1;
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Starts it again with the same command and settings it was last started with (after {@link #kill}). */
    void startAgain() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        start(command, settings);
    }

    /** Starts it again with some settings replaced for this start only; a later {@link #startAgain} uses the original ones. */
    void startAgainWith(Map<String, String> overrides) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        Map<String, String> original = settings;
        Map<String, String> changed = new java.util.LinkedHashMap<>(original);
        changed.putAll(overrides);
        start(command, changed);
        settings = original;
    }

    /** SIGKILL, as {@code kill -9} would: no shutdown hook runs, nothing is flushed or closed. */
    void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** TERM, then KILL after 20 s, as ./hq down does. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
