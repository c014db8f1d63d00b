package io.openclaw.hq.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real git repositories for one test: a bare repository playing the remote, seeded with a first
 * commit and a baseline naming it, and a fresh clone of it where the commands run, as an operator's
 * clean clone would be. The commands run in-process through {@link Main#run}; pushes run the real
 * git, so the installed hook runs as a process of its own.
 */
final class Sandbox {

    static final Path HQ_ROOT = Path.of(System.getProperty("hq.root", "..")).toAbsolutePath().normalize();
    static final String TOKEN = "internal-token-for-delivery-tests";

    final Path root;
    final Path remote;
    final Path clone;
    final Path secrets;
    final Git git;
    /** The first commit: the trust root the seeded baseline names. */
    final String root0;

    record Outcome(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Sandbox(Path root) {
        this.root = root;
        this.remote = root.resolve("remote.git");
        this.clone = root.resolve("clone");
        this.secrets = root.resolve("secrets");
        // the seeded remote and its clone are made once per test JVM and copied for each test: the same
        // repositories, a fraction of the git processes
        Template template = Template.get();
        copyTree(template.dir(), root);
        sh(clone, "git", "remote", "set-url", "origin", remote.toString());
        root0 = template.root0();
        git = new Git(clone);
    }

    private record Template(Path dir, String root0) {

        private static Template made;

        static synchronized Template get() {
            if (made == null) {
                made = make();
            }
            return made;
        }

        private static Template make() {
            try {
                Path root = Files.createTempDirectory("delivery-template");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
                Path remote = root.resolve("remote.git");
                Path seed = root.resolve("seed");
                Files.createDirectories(seed);
                Files.createDirectories(root.resolve("secrets"));
                Files.writeString(root.resolve("secrets").resolve("hq_internal_token"), TOKEN + "\n");
                sh(root, "git", "init", "-q", "--bare", "-b", "main", remote.toString());
                sh(seed, "git", "init", "-q", "-b", "main");
                identity(seed);
                write(seed, "README.md", "a project under review\n");
                write(seed, "config/app.json", "{\"name\": \"demo\"}\n");
                write(seed, "config/app.schema.json", "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\","
                        + " \"required\": [\"name\"], \"additionalProperties\": false, \"properties\": {\"name\": {\"type\": \"string\"}}}\n");
                sh(seed, "git", "add", "-A");
                sh(seed, "git", "commit", "-q", "-m", "first");
                String root0 = sh(seed, "git", "rev-parse", "HEAD").strip();
                write(seed, Baseline.PATH, root0 + "\n");
                sh(seed, "git", "add", "-A");
                sh(seed, "git", "commit", "-q", "-m", "baseline: the first commit is the trust root");
                sh(seed, "git", "push", "-q", remote.toString(), "main");
                deleteTree(seed);
                Path clone = root.resolve("clone");
                sh(root, "git", "clone", "-q", remote.toString(), clone.toString());
                identity(clone);
                sh(clone, "git", "config", "hq.ship.test", "true");
                return new Template(root, root0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void copyTree(Path from, Path to) {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }

    private static void identity(Path repo) {
        sh(repo, "git", "config", "user.name", "Operator");
        sh(repo, "git", "config", "user.email", "operator@example.invalid");
        sh(repo, "git", "config", "commit.gpgsign", "false");
    }

    /** ./hq review|hooks|ship ... in the clone. */
    Outcome hq(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--repo", clone.toString(), "--hq-root", HQ_ROOT.toString(), "--secrets-dir", secrets.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(all.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Outcome hqWithRouter(FakeRouter router, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--router", router.url()));
        return hq(all.toArray(String[]::new));
    }

    /** A commit in the clone changing one file. */
    String change(String file, String content) {
        write(clone, file, content);
        sh(clone, "git", "add", "-A");
        sh(clone, "git", "commit", "-q", "-m", "change " + file);
        return head();
    }

    String head() {
        return sh(clone, "git", "rev-parse", "HEAD").strip();
    }

    String baseline() {
        return read(clone.resolve(Baseline.PATH)).strip();
    }

    String remoteMain() {
        return sh(root, "git", "--git-dir", remote.toString(), "rev-parse", "main").strip();
    }

    /** git push origin HEAD:main from the clone, the real thing: the pre-push hook runs if installed. */
    Git.Result push() {
        return Processes.run(clone, List.of("git", "push", "origin", "HEAD:refs/heads/main"), Duration.ofMinutes(2), "git push");
    }

    void installHooks() {
        Outcome o = hq("hooks", "install");
        assertThat(o.exit()).as(o.all()).isZero();
    }

    static void write(Path repo, String file, String content) {
        try {
            Path p = repo.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sh(Path dir, String... command) {
        Git.Result r = Processes.run(dir, List.of(command), Duration.ofMinutes(1), String.join(" ", command));
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + r.err() + r.out());
        }
        return r.out();
    }
}
