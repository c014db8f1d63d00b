package io.openclaw.hq.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * `review finish`: advances the baseline to HEAD, only for an APPROVED, non-simulated review record
 * of exactly baseline..HEAD, as one commit that changes only the baseline file.
 */
public final class Finisher {

    private final Git git;
    private final PrintStream out;

    public Finisher(Git git, PrintStream out) {
        this.git = git;
        this.out = out;
    }

    /** The SHA of the baseline-advance commit (a new one, or HEAD when it already is one). */
    public String finish() {
        List<String> dirty = git.dirtyTrackedFiles();
        if (!dirty.isEmpty()) {
            throw new Refusal("uncommitted changes to tracked files (" + String.join(", ", dirty.stream().map(String::strip).toList())
                    + "): the review covers commits only; commit them and review again, or stash them");
        }
        String head = git.head();
        if (AdvanceCommit.notAdvance(git, head) == null && AdvanceCommit.recordIn(git.message(head)) != null) {
            out.println("HEAD " + Baseline.abbrev(head) + " already advances the baseline; nothing to finish");
            return head;
        }
        String since = Baseline.at(git, head);
        JsonNode record = new ReviewStore(git.dir()).read(head);
        if (record == null) {
            throw new Refusal("no review of HEAD " + Baseline.abbrev(head) + " in this clone (.hq/reviews/" + head
                    + ".json): run ./hq review run first");
        }
        List<String> problems = ReviewRecordCheck.problems(record);
        if (!problems.isEmpty()) {
            throw new Refusal("the review record of " + Baseline.abbrev(head) + " cannot advance the baseline: "
                    + String.join("; ", problems));
        }
        if (!since.equals(record.path("since_sha").asText()) || !head.equals(record.path("to_sha").asText())) {
            throw new Refusal("the review covers " + record.path("since_sha").asText() + ".." + record.path("to_sha").asText()
                    + " but the range to finish is " + since + ".." + head + ": review again (./hq review run)");
        }
        if (!"APPROVED".equals(record.path("verdict").asText())) {
            throw new Refusal("the review of " + Baseline.abbrev(since) + ".." + Baseline.abbrev(head) + " is "
                    + record.path("verdict").asText() + ", not APPROVED: the baseline stays at " + Baseline.abbrev(since));
        }
        writeBaseline(head);
        Path message = git.dir().resolve(".hq/reviews/advance-message.txt");
        try {
            Files.writeString(message, AdvanceCommit.message(record), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git.out("add", "--", Baseline.PATH);
        Git.Result commit = git.run("commit", "-q", "--cleanup=verbatim", "-F", message.toString(), "--", Baseline.PATH);
        if (!commit.ok()) {
            git.run("checkout", "--", Baseline.PATH);
            throw new Refusal("the baseline-advance commit failed: " + Git.firstLine(commit.err() + commit.out()));
        }
        String advance = git.head();
        String wrong = AdvanceCommit.notAdvance(git, advance);
        if (wrong != null) {
            throw new Refusal("the commit just made is not a clean baseline advance (" + wrong + "); undo it with git reset --soft HEAD~1");
        }
        out.println("baseline advanced: " + Baseline.abbrev(since) + " → " + Baseline.abbrev(head) + " in commit "
                + Baseline.abbrev(advance) + " (changes only " + Baseline.PATH + ")");
        return advance;
    }

    private void writeBaseline(String sha) {
        try {
            Files.writeString(git.dir().resolve(Baseline.PATH), sha + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Refusal("cannot write " + Baseline.PATH + ": " + e.getMessage());
        }
    }
}
