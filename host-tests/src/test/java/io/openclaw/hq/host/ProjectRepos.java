package io.openclaw.hq.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real git repositories for a test: "origin" (bare), the operator's clone holding the project's VPS
 * scripts, and commits made the way the review workflow makes them (code, then the baseline-advance
 * commit that changes only docs/LAST_REVIEWED_SHA.txt).
 */
final class ProjectRepos {

    static final String BASELINE_FILE = "docs/LAST_REVIEWED_SHA.txt";

    final HostSandbox sandbox;
    final Path origin;
    final Path operator;

    ProjectRepos(HostSandbox sandbox) throws IOException, InterruptedException {
        this.sandbox = sandbox;
        origin = sandbox.dir.resolve("origin.git");
        operator = sandbox.dir.resolve("operator");
        git(sandbox.dir, "init", "-q", "--bare", origin.toString());
        git(sandbox.dir, "clone", "-q", origin.toString(), operator.toString());
        copyTree(HostSandbox.REPOSITORY.resolve("deploy/vps"), operator.resolve("deploy/vps"));
        copyTree(HostSandbox.REPOSITORY.resolve("deploy/systemd"), operator.resolve("deploy/systemd"));
        Files.writeString(operator.resolve(".gitignore"), "target/\n.hq/\n");
        Files.createDirectories(operator.resolve("docs"));
        Files.writeString(operator.resolve("README.md"), "project\n");
        git(operator, "add", "-A");
        git(operator, "commit", "-q", "-m", "the project");
    }

    /** A commit that changes code (not reviewed yet); answers its id. */
    String commitCode(String file, String content) throws IOException, InterruptedException {
        Files.writeString(operator.resolve(file), content);
        git(operator, "add", "-A");
        git(operator, "commit", "-q", "-m", "change " + file);
        return head();
    }

    /** The baseline-advance commit naming REVIEWED, as review finish makes it; answers its id. */
    String advanceBaseline(String reviewed) throws IOException, InterruptedException {
        Files.createDirectories(operator.resolve("docs"));
        Files.writeString(operator.resolve(BASELINE_FILE), reviewed + "\n");
        git(operator, "add", BASELINE_FILE);
        git(operator, "commit", "-q", "-m", "review: baseline " + reviewed.substring(0, 12));
        return head();
    }

    /** Code, then its baseline advance: a reviewed release. Answers the baseline-advance commit. */
    String reviewedRelease(String file, String content) throws IOException, InterruptedException {
        return advanceBaseline(commitCode(file, content));
    }

    void push() throws IOException, InterruptedException {
        git(operator, "push", "-q", "--force", "origin", "HEAD:main");
    }

    String head() throws IOException, InterruptedException {
        return git(operator, "rev-parse", "HEAD").trim();
    }

    /** The VPS's checkout: a clone of origin at main. */
    Path cloneForVps(Path dir) throws IOException, InterruptedException {
        git(sandbox.dir, "clone", "-q", origin.toString(), dir.toString());
        return dir;
    }

    String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        HostSandbox.Result result = sandbox.run(Map.of(), null, command.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + result.output());
        }
        return result.output();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
