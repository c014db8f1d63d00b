package io.openclaw.hq.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * `review doctor`: is this clone able to deliver safely? The gate installed, the configs valid, the
 * baseline a real ancestor of HEAD, the review record it rests on sound and about it, no script
 * that skips hooks. Prints one line per check; fails when any check fails.
 */
public final class RepoDoctor {

    private final Git git;
    private final PrintStream out;
    private int failures;

    public RepoDoctor(Git git, PrintStream out) {
        this.git = git;
        this.out = out;
    }

    /** True when every check passed. */
    public boolean check() {
        failures = 0;
        String hookProblem = new Hooks(git).problem();
        line(hookProblem == null, "push gate installed (core.hooksPath, pre-push)", hookProblem == null ? null
                : hookProblem + ": ./hq hooks install");

        List<String> valid = new ArrayList<>();
        List<String> configProblems = ConfigCheck.problems(git.dir().resolve("config"), valid);
        line(configProblems.isEmpty(), "configs valid against their schemas" + (valid.isEmpty() ? "" : " (" + String.join(", ", valid) + ")"),
                String.join("; ", configProblems));

        checkBaseline();

        List<String> noVerify = NoVerifyScan.findings(git);
        line(noVerify.isEmpty(), "no script skips git hooks (" + NoVerifyScan.FLAG + ")", String.join("; ", noVerify));
        out.println(failures == 0 ? "repository doctor: all checks passed" : "repository doctor: " + failures + " check(s) failed");
        return failures == 0;
    }

    private void checkBaseline() {
        String head = git.head();
        String baseline;
        try {
            baseline = Baseline.at(git, head);
        } catch (Refusal e) {
            line(false, "baseline", e.getMessage());
            return;
        }
        if (git.commit(baseline) == null || !git.isAncestor(baseline, head)) {
            line(false, "baseline", baseline + " is not an ancestor of HEAD " + Baseline.abbrev(head));
            return;
        }
        String ahead = git.out("rev-list", "--count", baseline + ".." + head);
        line(true, "baseline " + Baseline.abbrev(baseline) + " is an ancestor of HEAD (" + ahead + " commit(s) since)", null);

        String setBy = git.out("log", "-1", "--format=%H", "--", Baseline.PATH);
        JsonNode record = AdvanceCommit.recordIn(git.message(setBy));
        if (AdvanceCommit.notAdvance(git, setBy) != null || record == null) {
            line(true, "baseline set by " + Baseline.abbrev(setBy) + " without a review record: it is the trust root"
                    + " (everything up to it was accepted by hand)", null);
        } else {
            List<String> problems = new ArrayList<>(ReviewRecordCheck.problems(record));
            if (!baseline.equals(record.path("to_sha").asText())) {
                problems.add("the record covers up to " + record.path("to_sha").asText() + ", not the baseline " + baseline);
            }
            if (!"APPROVED".equals(record.path("verdict").asText())) {
                problems.add("the record's verdict is " + record.path("verdict").asText());
            }
            line(problems.isEmpty(), "baseline rests on an APPROVED review record (" + Baseline.abbrev(setBy) + ", "
                    + record.path("provider").asText() + "/" + record.path("model").asText() + ")", String.join("; ", problems));
        }
        JsonNode local = new ReviewStore(git.dir()).read(head);
        if (local != null) {
            List<String> problems = ReviewRecordCheck.problems(local);
            line(problems.isEmpty(), "review of HEAD in this clone: " + local.path("verdict").asText() + " for "
                    + Baseline.abbrev(local.path("since_sha").asText()) + ".." + Baseline.abbrev(local.path("to_sha").asText())
                    + (baseline.equals(local.path("since_sha").asText()) ? "" : " (stale: the baseline is now " + Baseline.abbrev(baseline) + ")"),
                    String.join("; ", problems));
        }
    }

    private void line(boolean ok, String what, String problem) {
        if (ok) {
            out.println("PASS " + what);
        } else {
            failures++;
            out.println("FAIL " + what + (problem == null || problem.isBlank() ? "" : ": " + problem));
        }
    }
}
