package io.openclaw.hq.delivery;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands behind ./hq review, ./hq hooks and ./hq ship. Never prompts; every refusal is a
 * non-zero exit with a message saying what was wrong and what to do next.
 */
public final class Main {

    static final String DEFAULT_ROUTER = "http://127.0.0.1:8781";

    private static final String USAGE = """
            usage:
              ./hq review bundle [--size-cap BYTES]   the change from docs/LAST_REVIEWED_SHA.txt to HEAD, bounded
              ./hq review run [--router URL]          review it through llm-router-service; store the verdict
              ./hq review finish                      advance the baseline to HEAD (APPROVED review only)
              ./hq review doctor                      hooks, configs, baseline and verdicts of this repository
              ./hq review verify [--rev REV]          may REV (default HEAD) be deployed: a reviewed baseline advance?
              ./hq hooks install                      install the pre-push gate (idempotent)
              ./hq ship [--router URL] [--remote NAME] test, review, finish, push; stops at the first failure
            common options: --repo DIR (default: here), --hq-root DIR, --secrets-dir DIR (default .hq/secrets)
            docs/REVIEW_WORKFLOW.md describes the workflow and every refusal.""";

    private static final Map<String, String> HELP = Map.of(
            "review bundle", """
                    ./hq review bundle [--size-cap BYTES]
                    Writes the review bundle of docs/LAST_REVIEWED_SHA.txt..HEAD with runner-service's
                    orb_review_bundle into .hq/reviews/bundles/<HEAD>/: REVIEW_BUNDLE.txt, or over the size cap
                    (default 200000 bytes) review packets. More than 8 packets: refused, split the change.""",
            "review run", """
                    ./hq review run [--router URL] [--size-cap BYTES]
                    Reviews baseline..HEAD through llm-router-service POST /v1/review (default router
                    http://127.0.0.1:8781, internal token from .hq/secrets/hq_internal_token), one call per packet.
                    Stores .hq/reviews/<HEAD>.json with provenance. Exit 0 only for APPROVED; no verdict
                    (router or providers unreachable, invalid answer) → nothing stored, exit 1.""",
            "review finish", """
                    ./hq review finish
                    Advances docs/LAST_REVIEWED_SHA.txt to HEAD in one commit that changes only that file and
                    carries the review record in its message. Refused unless .hq/reviews/<HEAD>.json is an
                    APPROVED, non-simulated review of exactly baseline..HEAD.""",
            "review doctor", """
                    ./hq review doctor
                    The repository doctor: push gate installed (core.hooksPath, pre-push), config/*.json valid
                    against their schemas, baseline an ancestor of HEAD, the review record the baseline rests on
                    sound, no script skipping git hooks. Exit 1 when a check fails.""",
            "review verify", """
                    ./hq review verify [--rev REV]
                    Exit 0 only when REV (default HEAD; the VPS asks about origin/main) is a baseline-advance commit
                    carrying a sound, APPROVED, non-simulated review record of exactly its baseline..parent:
                    the push gate's checks on one commit, without a push.""",
            "review gate", """
                    ./hq review gate REMOTE URL   (run by the pre-push hook; reads git's ref updates on stdin)
                    Refuses a push to main unless it ends with the baseline-advance commit of an APPROVED,
                    non-simulated review whose range is exactly what the push delivers.""",
            "hooks install", """
                    ./hq hooks install
                    Installs the pre-push gate in <git dir>/hq-hooks and points core.hooksPath at it. Running it
                    again changes nothing. No variable or option turns the gate off.""",
            "ship", """
                    ./hq ship [--router URL] [--remote NAME]
                    1 test (git config hq.ship.test, default ./mvnw -B -ntp -q verify; hq.ship.test-minutes, default 60)
                    2 review (./hq review run)  3 finish (./hq review finish)  4 push HEAD to REMOTE's main
                    (default origin) through the pre-push gate. Stops at the first failure saying what to do next.""");

    private static final Set<String> VALUE_OPTIONS = Set.of("--repo", "--hq-root", "--secrets-dir", "--router", "--size-cap",
            "--remote", "--rev");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, in, out);
        } catch (Refusal e) {
            err.println("hq: " + e.getMessage());
            return e.exitCode();
        }
    }

    private static int dispatch(String[] args, InputStream in, PrintStream out) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h") || a.equals("help")) {
                help = true;
            } else if (VALUE_OPTIONS.contains(a)) {
                if (i + 1 >= args.length) {
                    throw Refusal.usage(a + " needs a value\n" + USAGE);
                }
                options.put(a, args[++i]);
            } else if (a.startsWith("--")) {
                throw Refusal.usage("unknown option " + a + "\n" + USAGE);
            } else {
                positional.add(a);
            }
        }
        String family = positional.isEmpty() ? "" : positional.get(0);
        String command = switch (family) {
            case "review", "hooks" -> positional.size() > 1 ? family + " " + positional.get(1) : family;
            default -> family;
        };
        if (help) {
            out.println(HELP.getOrDefault(command, USAGE));
            return 0;
        }
        if (!HELP.containsKey(command)) {
            throw Refusal.usage((command.isBlank() ? "which command?" : "unknown command '" + command + "'") + "\n" + USAGE);
        }
        int expected = command.equals("review gate") ? 4 : command.equals("ship") ? 1 : 2;
        if (command.equals("review gate") ? positional.size() > expected : positional.size() != expected) {
            throw Refusal.usage("unexpected argument(s) " + positional.subList(Math.min(expected, positional.size()), positional.size())
                    + "\n" + HELP.get(command));
        }
        Path repo = repoRoot(Path.of(options.getOrDefault("--repo", ".")));
        Path hqRoot = Path.of(options.getOrDefault("--hq-root", repo.toString())).toAbsolutePath().normalize();
        Path secrets = Path.of(options.getOrDefault("--secrets-dir", hqRoot.resolve(".hq/secrets").toString()));
        Git git = new Git(repo);
        switch (command) {
            case "review bundle" -> {
                ReviewBundle bundle = bundler(git, hqRoot, options).bundle();
                out.printf("review bundle %s..%s: %s, %d bytes (cap %d), %d part(s) in %s%n", bundle.sinceSha(), bundle.toSha(),
                        bundle.mode(), bundle.bytes(), bundle.sizeCapBytes(), bundle.texts().size(), bundle.directory());
                if (bundle.packets()) {
                    out.println("over the size cap: each packet is reviewed on its own and every one must be APPROVED");
                }
            }
            case "review run" -> reviewer(git, hqRoot, secrets, options, out).run();
            case "review finish" -> new Finisher(git, out).finish();
            case "review doctor" -> {
                return new RepoDoctor(git, out).check() ? 0 : 1;
            }
            case "review gate" -> new PushGate(git, out).check(in);
            case "review verify" -> new PushGate(git, out).verify(options.getOrDefault("--rev", "HEAD"));
            case "hooks install" -> new Hooks(git).install(out);
            case "ship" -> new Shipper(git, () -> reviewer(git, hqRoot, secrets, options, out),
                    options.getOrDefault("--remote", "origin"), out).ship();
            default -> throw Refusal.usage(USAGE);
        }
        return 0;
    }

    private static Bundler bundler(Git git, Path hqRoot, Map<String, String> options) {
        long cap;
        try {
            cap = Long.parseLong(options.getOrDefault("--size-cap", Long.toString(Bundler.DEFAULT_SIZE_CAP_BYTES)));
        } catch (NumberFormatException e) {
            throw Refusal.usage("--size-cap must be a number of bytes");
        }
        return new Bundler(git, hqRoot, cap);
    }

    private static Reviewer reviewer(Git git, Path hqRoot, Path secrets, Map<String, String> options, PrintStream out) {
        URI router;
        try {
            router = URI.create(options.getOrDefault("--router", DEFAULT_ROUTER));
        } catch (IllegalArgumentException e) {
            throw Refusal.usage("--router must be a URL such as " + DEFAULT_ROUTER);
        }
        return new Reviewer(git, bundler(git, hqRoot, options), new RouterClient(router, InternalToken.read(secrets)), out);
    }

    private static Path repoRoot(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw Refusal.usage("--repo " + start + " is not a directory");
        }
        Git.Result top = new Git(dir).run("rev-parse", "--show-toplevel");
        if (!top.ok()) {
            throw new Refusal(dir + " is not inside a git repository");
        }
        return Path.of(top.out().strip());
    }
}
