package io.openclaw.hq.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-push gate. A push to main passes only when its tip is a baseline-advance commit whose
 * review record is sound (schema, provenance, not simulated), APPROVED, and covers exactly what the
 * push delivers: from the baseline the remote's main records (or the remote's main itself) to the
 * commit under the advance. Nothing turns it off; other branches are not deployed and not gated.
 */
public final class PushGate {

    static final String MAIN = "refs/heads/main";

    private final Git git;
    private final PrintStream out;

    public PushGate(Git git, PrintStream out) {
        this.git = git;
        this.out = out;
    }

    /** Checks every ref update git hands the hook on stdin ({@code <local ref> <local sha> <remote ref> <remote sha>}). */
    public void check(InputStream updates) {
        List<String[]> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(updates, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length != 4) {
                        throw new Refusal("push refused: cannot read the ref update '" + line + "'");
                    }
                    lines.add(f);
                }
            }
        } catch (IOException e) {
            throw new Refusal("push refused: cannot read the ref updates: " + e.getMessage());
        }
        for (String[] f : lines) {
            if (!MAIN.equals(f[2])) {
                out.println("push gate: " + f[2] + " is not main (not deployed, not gated)");
                continue;
            }
            checkMain(f[1], f[3]);
        }
    }

    /**
     * The record of an APPROVED, sound review that {@code tip} advances the baseline for, covering
     * exactly baseline..parent; a refusal (its message starting with {@code prefix}) otherwise. What
     * the VPS needs before it deploys a commit, and the first half of the push gate.
     */
    JsonNode reviewedAdvance(String tip, String prefix) {
        String notAdvance = AdvanceCommit.notAdvance(git, tip);
        if (notAdvance != null) {
            throw new Refusal(prefix + "main must end with the baseline-advance commit of an APPROVED review, but "
                    + notAdvance + ". Review what you push: ./hq ship (or ./hq review run, then ./hq review finish)");
        }
        JsonNode record = AdvanceCommit.recordIn(git.message(tip));
        if (record == null) {
            throw new Refusal(prefix + "provenance missing: the baseline-advance commit " + Baseline.abbrev(tip)
                    + " carries no Review-Record line; only ./hq review finish makes that commit");
        }
        List<String> problems = ReviewRecordCheck.problems(record);
        if (!problems.isEmpty()) {
            throw new Refusal(prefix + "the review record in " + Baseline.abbrev(tip) + " is not acceptable: "
                    + String.join("; ", problems));
        }
        if (!"APPROVED".equals(record.path("verdict").asText())) {
            throw new Refusal(prefix + "the review is " + record.path("verdict").asText() + ", not APPROVED");
        }
        String reviewed = git.parents(tip).get(0);
        String since = record.path("since_sha").asText();
        String to = record.path("to_sha").asText();
        if (!to.equals(reviewed)) {
            throw new Refusal(prefix + "range mismatch: the review covers up to " + to + " but the commit under the baseline-advance commit is "
                    + reviewed);
        }
        String baseline = Baseline.at(git, reviewed);
        if (!since.equals(baseline)) {
            throw new Refusal(prefix + "range mismatch: the review starts at " + since + " but the baseline of "
                    + Baseline.abbrev(reviewed) + " is " + baseline);
        }
        if (git.commit(since) == null || !git.isAncestor(since, reviewed)) {
            throw new Refusal(prefix + "range mismatch: " + since + " is not an ancestor of " + reviewed);
        }
        return record;
    }

    /** `review verify`: whether a commit may be deployed (what the VPS asks before it updates). */
    public void verify(String rev) {
        String tip = git.commit(rev);
        if (tip == null) {
            throw new Refusal("not deployable: " + rev + " names no commit of this repository");
        }
        JsonNode record = reviewedAdvance(tip, "not deployable: ");
        out.println("deployable: " + Baseline.abbrev(tip) + " advances the baseline to " + Baseline.abbrev(record.path("to_sha").asText())
                + " for an APPROVED review of " + Baseline.abbrev(record.path("since_sha").asText()) + ".."
                + Baseline.abbrev(record.path("to_sha").asText()) + " by " + record.path("provider").asText() + "/"
                + record.path("model").asText());
    }

    void checkMain(String tip, String remote) {
        if (Git.ZERO_SHA.equals(tip)) {
            throw new Refusal("push refused: deleting main is never allowed");
        }
        JsonNode record = reviewedAdvance(tip, "push refused: ");
        String since = record.path("since_sha").asText();
        String to = record.path("to_sha").asText();
        if (!Git.ZERO_SHA.equals(remote)) {
            if (git.commit(remote) == null) {
                throw new Refusal("push refused: the remote's main is at " + remote + ", which this clone does not have:"
                        + " fetch, rebase on it and review again");
            }
            // exact: the review starts where the remote's main is, or at the baseline the remote's main
            // records (its advance commit, or, before the first gated push, commits past the trust root that
            // the review then covers too)
            String remoteBaseline = git.show(remote, Baseline.PATH);
            boolean exact = remote.equals(since) || (remoteBaseline != null && remoteBaseline.strip().equals(since));
            if (!exact) {
                throw new Refusal("push refused: range mismatch: the remote's main is at " + Baseline.abbrev(remote)
                        + " (baseline " + (remoteBaseline == null ? "none" : Baseline.abbrev(remoteBaseline.strip()))
                        + "), so this push delivers " + Baseline.abbrev(remote) + ".." + Baseline.abbrev(tip)
                        + ", but the review covers " + Baseline.abbrev(since) + ".." + Baseline.abbrev(to)
                        + ". Fetch, rebase on the remote's main and review again");
            }
            if (!git.isAncestor(remote, tip)) {
                throw new Refusal("push refused: the remote's main " + Baseline.abbrev(remote) + " is not an ancestor of "
                        + Baseline.abbrev(tip));
            }
        }
        out.println("push gate: main " + (Git.ZERO_SHA.equals(remote) ? "(new)" : Baseline.abbrev(remote)) + ".."
                + Baseline.abbrev(tip) + " allowed: APPROVED review of " + Baseline.abbrev(since) + ".." + Baseline.abbrev(to)
                + " by " + record.path("provider").asText() + "/" + record.path("model").asText());
    }
}
