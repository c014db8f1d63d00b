package io.openclaw.hq.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `review finish`: the baseline advances only for an APPROVED, non-simulated review of exactly baseline..HEAD. */
class FinishTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    static final FakeRouter router = new FakeRouter();

    private String reviewed(Sandbox s, boolean approve) {
        String head = s.change("app.txt", "new\n");
        if (approve) {
            router.approves(s.root0, head);
        } else {
            router.blocks(s.root0, head);
        }
        s.hqWithRouter(router, "review", "run");
        return head;
    }

    @Test
    void approvedReviewAdvancesTheBaselineInACommitThatChangesOnlyTheBaselineFile() {
        Sandbox s = new Sandbox(tmp);
        String reviewed = reviewed(s, true);

        Sandbox.Outcome o = s.hq("review", "finish");

        assertThat(o.exit()).as(o.all()).isZero();
        String advance = s.head();
        assertThat(advance).isNotEqualTo(reviewed);
        assertThat(s.baseline()).isEqualTo(reviewed);
        assertThat(s.git.parents(advance)).containsExactly(reviewed);
        assertThat(s.git.changedPaths(reviewed, advance)).containsExactly(Baseline.PATH);
        JsonNode carried = AdvanceCommit.recordIn(s.git.message(advance));
        assertThat(carried.path("to_sha").asText()).isEqualTo(reviewed);
        assertThat(carried.path("verdict").asText()).isEqualTo("APPROVED");
        assertThat(s.git.dirtyTrackedFiles()).isEmpty();

        Sandbox.Outcome again = s.hq("review", "finish");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already advances the baseline");
        assertThat(s.head()).isEqualTo(advance);

        Sandbox.Outcome nothing = s.hqWithRouter(router, "review", "run");
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(nothing.err()).contains("nothing to review");
    }

    @Test
    void verifySaysWhetherACommitMayBeDeployed() {
        Sandbox s = new Sandbox(tmp);
        String reviewed = reviewed(s, true);

        Sandbox.Outcome before = s.hq("review", "verify");
        assertThat(before.exit()).isEqualTo(1);
        assertThat(before.err()).contains("not deployable: main must end with the baseline-advance commit");

        assertThat(s.hq("review", "finish").exit()).isZero();
        Sandbox.Outcome after = s.hq("review", "verify", "--rev", "HEAD");
        assertThat(after.exit()).as(after.all()).isZero();
        assertThat(after.out()).contains("deployable: ").contains("for an APPROVED review of " + s.root0.substring(0, 12) + ".."
                + reviewed.substring(0, 12));

        Sandbox.Outcome missing = s.hq("review", "verify", "--rev", "no-such-branch");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("names no commit");
    }

    @Test
    void blockedReviewDoesNotAdvance() {
        Sandbox s = new Sandbox(tmp);
        String reviewed = reviewed(s, false);

        Sandbox.Outcome o = s.hq("review", "finish");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("BLOCKED, not APPROVED");
        assertThat(s.head()).isEqualTo(reviewed);
        assertThat(s.baseline()).isEqualTo(s.root0);
    }

    @Test
    void noReviewNoAdvance() {
        Sandbox s = new Sandbox(tmp);
        String head = s.change("app.txt", "new\n");

        Sandbox.Outcome o = s.hq("review", "finish");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("no review of HEAD").contains("./hq review run");
        assertThat(s.head()).isEqualTo(head);
    }

    @Test
    void aCommitAfterTheReviewNeedsAReviewOfItsOwn() {
        Sandbox s = new Sandbox(tmp);
        reviewed(s, true);
        String later = s.change("later.txt", "unreviewed\n");

        Sandbox.Outcome o = s.hq("review", "finish");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("no review of HEAD");
        assertThat(s.head()).isEqualTo(later);
    }

    @Test
    void aSimulatedRecordNeverAdvances() throws Exception {
        Sandbox s = new Sandbox(tmp);
        String reviewed = reviewed(s, true);
        Path file = s.clone.resolve(".hq/reviews/" + reviewed + ".json");
        ObjectNode record = (ObjectNode) Json.parse(Files.readString(file), "record");
        record.put("simulated", true);
        Files.writeString(file, Json.pretty(record));

        Sandbox.Outcome o = s.hq("review", "finish");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("simulated is not false");
        assertThat(s.head()).isEqualTo(reviewed);
    }

    @Test
    void uncommittedChangesAreRefused() throws Exception {
        Sandbox s = new Sandbox(tmp);
        String reviewed = reviewed(s, true);
        Files.writeString(s.clone.resolve("app.txt"), "edited after the review\n");

        Sandbox.Outcome o = s.hq("review", "finish");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("uncommitted changes");
        assertThat(s.head()).isEqualTo(reviewed);
    }
}
