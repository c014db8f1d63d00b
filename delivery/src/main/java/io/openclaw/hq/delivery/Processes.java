package io.openclaw.hq.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs a process to its end or to its time limit, whichever comes first; a process past its limit is killed. */
final class Processes {

    /** What git exports to a hook; a git started from the hook must find its repository from its directory. */
    private static final List<String> GIT_HOOK_VARIABLES = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX", "GIT_QUARANTINE_PATH");

    private Processes() {
    }

    static Git.Result run(Path dir, List<String> command, Duration limit, String label) {
        return run(dir, command, limit, label, Map.of());
    }

    static Git.Result run(Path dir, List<String> command, Duration limit, String label, Map<String, String> extraEnv) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        GIT_HOOK_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().put("LC_ALL", "C");
        // never a prompt: no credential question on the terminal, ssh in batch mode unless the operator chose a command
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().putIfAbsent("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        builder.environment().putAll(extraEnv);
        try {
            Process p = builder.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!waitFor(p, limit)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new Refusal(label + " did not finish within " + limit.toSeconds() + " s and was stopped");
            }
            return new Git.Result(p.exitValue(), out.get(), err.get());
        } catch (IOException e) {
            throw new Refusal(label + " could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(label + " was interrupted");
        } catch (ExecutionException e) {
            throw new Refusal(label + ": its output could not be read: " + e.getCause());
        }
    }

    /** One thread per stream read, never a shared pool that could leave one pipe unread. */
    private static final Executor DRAINERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "process-output");
        t.setDaemon(true);
        return t;
    });

    /** Reads a stream fully on its own thread so a chatty process never blocks on a full pipe. */
    static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DRAINERS);
    }

    static boolean waitFor(Process p, Duration limit) throws InterruptedException {
        return p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
