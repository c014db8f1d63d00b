package io.openclaw.hq.delivery;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * `ship`: test → review → finish → push, each step bounded, stopping at the first failure with what
 * to do next. The push goes through the same pre-push gate as any other push.
 */
public final class Shipper {

    static final String DEFAULT_TEST_COMMAND = "./mvnw -B -ntp -q verify";
    static final Duration DEFAULT_TEST_LIMIT = Duration.ofMinutes(60);
    static final Duration PUSH_LIMIT = Duration.ofMinutes(5);

    private final Git git;
    private final Supplier<Reviewer> reviewer;
    private final String remote;
    private final PrintStream out;

    public Shipper(Git git, Supplier<Reviewer> reviewer, String remote, PrintStream out) {
        this.git = git;
        this.reviewer = reviewer;
        this.remote = remote;
        this.out = out;
    }

    public void ship() {
        String hookProblem = new Hooks(git).problem();
        if (hookProblem != null) {
            throw new Refusal("ship stopped before testing: the push gate is not installed (" + hookProblem
                    + "). Next: ./hq hooks install, then ./hq ship");
        }
        List<String> dirty = git.dirtyTrackedFiles();
        if (!dirty.isEmpty()) {
            throw new Refusal("ship stopped before testing: uncommitted changes to tracked files. Next: commit them, then ./hq ship");
        }
        String head = git.head();
        boolean finished = AdvanceCommit.notAdvance(git, head) == null && AdvanceCommit.recordIn(git.message(head)) != null;
        if (finished) {
            out.println("ship: HEAD " + Baseline.abbrev(head) + " already advances the baseline; going straight to the push");
        } else {
            step(1, "test", this::test, "fix the failing tests, commit, then ./hq ship");
            step(2, "review", () -> reviewer.get().run(), "fix what is named above, commit, then ./hq ship");
            step(3, "finish", () -> new Finisher(git, out).finish(), "fix what is named above, then ./hq ship");
        }
        step(4, "push", this::push, "fix what the gate names above, then ./hq ship; ./hq review doctor shows the repository's state");
        out.println("ship: done; " + remote + "/main is " + Baseline.abbrev(git.head()));
    }

    private void step(int n, String name, Runnable work, String next) {
        out.println("ship " + n + "/4 " + name);
        try {
            work.run();
        } catch (Refusal e) {
            throw new Refusal("ship stopped at " + name + ": " + e.getMessage() + "\nNext: " + next);
        }
    }

    private void step(int n, String name, Supplier<?> work, String next) {
        step(n, name, (Runnable) work::get, next);
    }

    private void test() {
        Git.Result configured = git.run("config", "--get", "hq.ship.test");
        String command = configured.ok() && !configured.out().isBlank() ? configured.out().strip() : DEFAULT_TEST_COMMAND;
        Git.Result minutes = git.run("config", "--get", "hq.ship.test-minutes");
        Duration limit = minutes.ok() ? Duration.ofMinutes(Long.parseLong(minutes.out().strip())) : DEFAULT_TEST_LIMIT;
        out.println("  " + command + " (at most " + limit.toMinutes() + " min)");
        Git.Result r = Processes.run(git.dir(), List.of("bash", "-c", command), limit, "the tests");
        if (!r.ok()) {
            throw new Refusal("the tests failed (exit " + r.exitCode() + "): " + tail(r.out() + r.err()));
        }
    }

    private void push() {
        Git.Result r = git.run(PUSH_LIMIT, "push", remote, "HEAD:" + PushGate.MAIN);
        if (r.ok()) {
            // the gate's lines come on git's stdout, git's own report on its stderr
            out.print(indent(r.out()));
            out.print(indent(r.err()));
        } else {
            throw new Refusal("the push was refused (exit " + r.exitCode() + "): " + tail(r.out() + "\n" + r.err()));
        }
    }

    static String tail(String text) {
        String[] lines = text.strip().split("\n");
        int from = Math.max(0, lines.length - 8);
        return String.join("\n  ", List.of(lines).subList(from, lines.length));
    }

    private static String indent(String text) {
        return text.isBlank() ? "" : "  " + text.strip().replace("\n", "\n  ") + "\n";
    }
}
