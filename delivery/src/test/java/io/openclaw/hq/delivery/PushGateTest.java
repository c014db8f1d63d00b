package io.openclaw.hq.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-push gate, installed by `hooks install` and run by a real `git push` to a bare remote:
 * the one allowed case and every refusal.
 */
class PushGateTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    static final FakeRouter router = new FakeRouter();

    /** A clean clone with the gate installed and one change reviewed APPROVED (not finished). */
    private Sandbox reviewed() {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        String head = s.change("app.txt", "new\n");
        router.approves(s.root0, head);
        assertThat(s.hqWithRouter(router, "review", "run").exit()).isZero();
        return s;
    }

    /** A hand-made baseline-advance commit carrying the stored record after {@code edit}. */
    private static void advanceByHand(Sandbox s, Consumer<ObjectNode> edit) throws Exception {
        String head = s.head();
        ObjectNode record = (ObjectNode) Json.parse(Files.readString(s.clone.resolve(".hq/reviews/" + head + ".json")), "record");
        edit.accept(record);
        Files.writeString(s.clone.resolve(Baseline.PATH), head + "\n");
        Sandbox.sh(s.clone, "git", "add", Baseline.PATH);
        Sandbox.sh(s.clone, "git", "commit", "-q", "-m", "review: baseline by hand\n\n" + AdvanceCommit.TRAILER + Json.compact(record));
    }

    private static void assertRefused(Sandbox s, String remoteBefore, String... reasons) {
        Git.Result push = s.push();
        assertThat(push.exitCode()).as(push.err()).isNotZero();
        assertThat(push.err()).contains("push refused");
        for (String reason : reasons) {
            assertThat(push.err()).contains(reason);
        }
        assertThat(s.remoteMain()).isEqualTo(remoteBefore);
    }

    @Test
    void anApprovedReviewFinishedIsPushed() {
        Sandbox s = reviewed();
        assertThat(s.hq("review", "finish").exit()).isZero();

        Git.Result push = s.push();

        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out() + push.err()).contains("push gate: main").contains("allowed: APPROVED review");
        assertThat(s.remoteMain()).isEqualTo(s.head());
    }

    @Test
    void installingTwiceChangesNothingAndTheHookHasNoSwitch() throws Exception {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        Path hook = Path.of(s.git.out("config", "core.hooksPath")).resolve("pre-push");
        String first = Files.readString(hook);

        Sandbox.Outcome again = s.hq("hooks", "install");

        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already installed");
        assertThat(Files.readString(hook)).isEqualTo(first);
        assertThat(Files.isExecutable(hook)).isTrue();
        // the only expansions are the repository's top level and git's own arguments: no variable can turn it off
        assertThat(first.replace("\"$(git rev-parse --show-toplevel)\"", "").replace("\"$@\"", "")).doesNotContain("$");
    }

    @Test
    void anUnreviewedPushIsRefused() {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        String before = s.remoteMain();
        s.change("app.txt", "never reviewed\n");

        assertRefused(s, before, "must end with the baseline-advance commit");
    }

    @Test
    void aReviewedButUnfinishedPushIsRefused() {
        Sandbox s = reviewed();
        assertRefused(s, s.remoteMain(), "must end with the baseline-advance commit");
    }

    @Test
    void aCommitOnTopOfTheAdvanceIsRefused() {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        assertThat(s.hq("review", "finish").exit()).isZero();
        s.change("sneaked.txt", "after the review\n");

        assertRefused(s, before, "must end with the baseline-advance commit");
    }

    @Test
    void aSimulatedVerdictIsRefused() throws Exception {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        advanceByHand(s, r -> r.put("simulated", true));

        assertRefused(s, before, "simulated is not false");
    }

    @Test
    void aSimulatedPacketVerdictIsRefused() throws Exception {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        advanceByHand(s, r -> ((ObjectNode) r.path("reviews").get(0).path("meta")).put("simulated", true));

        assertRefused(s, before, "simulated is not false");
    }

    @Test
    void aBlockedVerdictIsRefused() throws Exception {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        advanceByHand(s, r -> r.put("verdict", "BLOCKED"));

        assertRefused(s, before, "BLOCKED, not APPROVED");
    }

    @Test
    void anApprovalWithAFailedGateIsRefused() throws Exception {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        advanceByHand(s, r -> ((ObjectNode) r.path("reviews").get(0).path("gates").path("key_handling")).put("status", "fail"));

        assertRefused(s, before, "reviews[0]");
    }

    @Test
    void aBlockedPacketUnderAnApprovedRecordIsRefused() throws Exception {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        advanceByHand(s, r -> ((ObjectNode) r.path("reviews").get(0)).put("verdict", "BLOCKED"));

        assertRefused(s, before, "verdict APPROVED although a packet's verdict is not APPROVED");
    }

    @Test
    void aRecordMissingAPacketsVerdictIsRefused() throws Exception {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        advanceByHand(s, r -> ((ObjectNode) r.path("bundle")).put("mode", "packets").put("packets", 2));

        assertRefused(s, before, "the bundle has 2 packet(s) but the record holds 1 verdict(s)");
    }

    @Test
    void missingProvenanceIsRefused() throws Exception {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        advanceByHand(s, r -> {
            r.remove("router");
            r.remove("provider");
        });

        assertRefused(s, before, "provenance missing: provider", "provenance missing: router");
    }

    @Test
    void anAdvanceWithoutARecordIsRefused() throws Exception {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        Files.writeString(s.clone.resolve(Baseline.PATH), s.head() + "\n");
        Sandbox.sh(s.clone, "git", "commit", "-q", "-am", "baseline advanced with no review record");

        assertRefused(s, before, "provenance missing");
    }

    @Test
    void anEditedRangeIsRefused() throws Exception {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        String reviewedHead = s.head();
        // the record claims an approval from HEAD's parent: the commit that set the baseline was not reviewed
        String parent = s.git.parents(reviewedHead).get(0);
        advanceByHand(s, r -> {
            r.put("since_sha", parent);
            ((ObjectNode) r.path("reviews").get(0).path("meta")).put("since_sha", parent);
        });

        assertRefused(s, before, "range mismatch");
    }

    @Test
    void aRecordForAnotherCommitIsRefused() throws Exception {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        String other = s.root0;
        advanceByHand(s, r -> {
            r.put("to_sha", other);
            ((ObjectNode) r.path("reviews").get(0).path("meta")).put("to_sha", other);
        });

        assertRefused(s, before, "range mismatch");
    }

    @Test
    void anAdvanceThatAlsoChangesCodeIsRefused() throws Exception {
        Sandbox s = reviewed();
        String before = s.remoteMain();
        Files.writeString(s.clone.resolve("app.txt"), "slipped into the advance commit\n");
        Sandbox.sh(s.clone, "git", "add", "app.txt");
        advanceByHand(s, r -> { });

        assertRefused(s, before, "not only " + Baseline.PATH);
    }

    @Test
    void aForcedPushOfAReviewBehindTheRemotesBaselineIsRefused() {
        Sandbox s = reviewed();
        String seedTip = s.git.parents(s.head()).get(0);
        assertThat(s.hq("review", "finish").exit()).isZero();
        assertThat(s.push().ok()).isTrue();
        String before = s.remoteMain();
        // back to before that shipped change: a review from the old baseline no longer matches the remote
        Sandbox.sh(s.clone, "git", "reset", "-q", "--hard", seedTip);
        String other = s.change("other.txt", "a change made from an old state\n");
        router.approves(s.root0, other);
        assertThat(s.hqWithRouter(router, "review", "run").exit()).isZero();
        assertThat(s.hq("review", "finish").exit()).isZero();

        // git alone refuses the non-fast-forward; forced, it is the gate that refuses
        Git.Result forced = Processes.run(s.clone, java.util.List.of("git", "push", "--force", "origin", "HEAD:refs/heads/main"),
                java.time.Duration.ofMinutes(1), "git push --force");
        assertThat(forced.exitCode()).isNotZero();
        assertThat(forced.err()).contains("push refused: range mismatch: the remote's main is at");
        assertThat(s.remoteMain()).isEqualTo(before);
    }

    @Test
    void deletingMainIsRefused() {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        String before = s.remoteMain();

        Git.Result push = Processes.run(s.clone, java.util.List.of("git", "push", "origin", ":refs/heads/main"),
                java.time.Duration.ofMinutes(1), "git push");

        assertThat(push.exitCode()).isNotZero();
        assertThat(push.err()).contains("deleting main is never allowed");
        assertThat(s.remoteMain()).isEqualTo(before);
    }

    @Test
    void otherBranchesAreNotGated() {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        s.change("wip.txt", "work in progress\n");

        Git.Result push = Processes.run(s.clone, java.util.List.of("git", "push", "origin", "HEAD:refs/heads/wip"),
                java.time.Duration.ofMinutes(1), "git push");

        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out() + push.err()).contains("refs/heads/wip is not main");
    }
}
