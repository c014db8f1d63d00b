package io.openclaw.hq.runner.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Local git repositories made by the tests, which the test config allowlists by file:// URL:
 * {@code plain} (README.md, src/app.txt, a second commit), {@code hooks} (with .githooks/pre-push),
 * {@code other} (a second repository for the queue tests).
 */
public final class TestRepos {

    private static Path root;

    private TestRepos() {
    }

    public static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("runner-test-repos");
                Path plain = create("plain", Map.of("README.md", "plain\n", "src/app.txt", "app v1\n"));
                commit(plain, Map.of("src/app.txt", "app v2\n", "docs/notes.txt", "notes\n"), "second");
                create("hooks", Map.of("README.md", "hooks\n", ".githooks/pre-push", "#!/bin/sh\nexit 0\n"));
                git(path("hooks"), "update-index", "--chmod=+x", ".githooks/pre-push");
                git(path("hooks"), "commit", "-q", "-m", "hook executable");
                create("other", Map.of("README.md", "other\n"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    public static Path path(String name) {
        return root().resolve(name);
    }

    public static String url(String name) {
        return "file://" + path(name);
    }

    public static String head(String name) {
        return git(path(name), "rev-parse", "HEAD");
    }

    public static String firstCommit(String name) {
        return git(path(name), "rev-list", "--max-parents=0", "HEAD");
    }

    /** A repository with the given files in one commit. */
    public static Path create(String name, Map<String, String> files) throws IOException {
        Path repo = root.resolve(name);
        Files.createDirectories(repo);
        git(repo, "init", "-q", "-b", "main");
        commit(repo, files, "initial");
        return repo;
    }

    public static void commit(Path repo, Map<String, String> files, String message) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = repo.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            git(repo, "add", f.getKey());
        }
        git(repo, "commit", "-q", "-m", message);
    }

    public static String git(Path repo, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=test", "-c", "user.email=test@example.invalid",
                "-C", repo.toString()));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
