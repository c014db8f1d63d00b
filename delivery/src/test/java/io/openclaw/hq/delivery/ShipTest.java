package io.openclaw.hq.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ship` from a clean clone: the "done when". Refused without a provider; with the router
 * approving, the baseline advances and the push is allowed; stops at the first failing step.
 */
class ShipTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    static final FakeRouter router = new FakeRouter();

    @Test
    void withoutAProviderShipIsRefusedAndNothingMoves() {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        String head = s.change("app.txt", "new\n");
        String remoteBefore = s.remoteMain();
        router.failsClosed();

        Sandbox.Outcome o = s.hqWithRouter(router, "ship");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("ship stopped at review").contains("no verdict, fail closed: no provider answered")
                .contains("Next:");
        assertThat(s.head()).isEqualTo(head);
        assertThat(s.baseline()).isEqualTo(s.root0);
        assertThat(s.remoteMain()).isEqualTo(remoteBefore);
    }

    @Test
    void withoutARouterShipIsRefused() throws Exception {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        s.change("app.txt", "new\n");
        String remoteBefore = s.remoteMain();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Sandbox.Outcome o = s.hq("ship", "--router", "http://127.0.0.1:" + closedPort);

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("ship stopped at review").contains("not reachable");
        assertThat(s.remoteMain()).isEqualTo(remoteBefore);
    }

    @Test
    void approvedShipAdvancesTheBaselineAndPushes() {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        String reviewed = s.change("app.txt", "new\n");
        router.approves(s.root0, reviewed);

        Sandbox.Outcome o = s.hqWithRouter(router, "ship");

        assertThat(o.exit()).as(o.all()).isZero();
        assertThat(o.out()).contains("ship 1/4 test").contains("ship 2/4 review").contains("ship 3/4 finish")
                .contains("ship 4/4 push").contains("allowed: APPROVED review");
        assertThat(s.baseline()).isEqualTo(reviewed);
        assertThat(s.remoteMain()).isEqualTo(s.head());
        assertThat(s.git.parents(s.head())).containsExactly(reviewed);
        assertThat(s.git.changedPaths(reviewed, s.head())).containsExactly(Baseline.PATH);

        // the next change is reviewed from the new baseline, and the push starts where the remote is
        String next = s.change("app.txt", "newer\n");
        router.approves(reviewed, next);
        Sandbox.Outcome second = s.hqWithRouter(router, "ship");
        assertThat(second.exit()).as(second.all()).isZero();
        assertThat(s.baseline()).isEqualTo(next);
        assertThat(s.remoteMain()).isEqualTo(s.head());
    }

    @Test
    void theFirstGatedPushCoversWhatTheRemoteHeldPastTheTrustRoot() {
        Sandbox s = new Sandbox(tmp);
        // history pushed before the gate existed: past the baseline, never reviewed
        s.change("before-the-gate.txt", "pushed without review\n");
        assertThat(s.push().ok()).isTrue();
        s.installHooks();
        String reviewed = s.change("app.txt", "new\n");
        router.approves(s.root0, reviewed);

        Sandbox.Outcome o = s.hqWithRouter(router, "ship");

        assertThat(o.exit()).as(o.all()).isZero();
        assertThat(s.remoteMain()).isEqualTo(s.head());
        assertThat(s.baseline()).isEqualTo(reviewed);
        // the one review covered the unreviewed history too
        assertThat(router.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v1/review"))).get(0).getBodyAsString())
                .contains("before-the-gate.txt").contains("app.txt");
    }

    @Test
    void reRootingTheBaselineAtTheRemotesMainIsReviewedThenShipped() throws Exception {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        String remoteMain = s.remoteMain();
        java.nio.file.Files.writeString(s.clone.resolve(Baseline.PATH), remoteMain + "\n");
        Sandbox.sh(s.clone, "git", "commit", "-q", "-am", "baseline: re-rooted at the remote's main");
        assertThat(s.push().ok()).as("a baseline commit alone is never pushed").isFalse();
        String reviewed = s.change("app.txt", "new\n");
        router.approves(remoteMain, reviewed);

        Sandbox.Outcome o = s.hqWithRouter(router, "ship");

        assertThat(o.exit()).as(o.all()).isZero();
        assertThat(s.remoteMain()).isEqualTo(s.head());
        assertThat(s.baseline()).isEqualTo(reviewed);
    }

    @Test
    void aBlockedReviewStopsShipBeforeFinish() {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        String head = s.change("app.txt", "new\n");
        String remoteBefore = s.remoteMain();
        router.blocks(s.root0, head);

        Sandbox.Outcome o = s.hqWithRouter(router, "ship");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("ship stopped at review").contains("BLOCKED").contains("public_binds");
        assertThat(o.out()).doesNotContain("ship 3/4");
        assertThat(s.head()).isEqualTo(head);
        assertThat(s.remoteMain()).isEqualTo(remoteBefore);
    }

    @Test
    void failingTestsStopShipBeforeAnyReview() {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        Sandbox.sh(s.clone, "git", "config", "hq.ship.test", "echo 3 tests failed; exit 3");
        s.change("app.txt", "new\n");

        Sandbox.Outcome o = s.hqWithRouter(router, "ship");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("ship stopped at test").contains("exit 3").contains("3 tests failed")
                .contains("Next: fix the failing tests");
        assertThat(router.reviewCalls()).isZero();
    }

    @Test
    void shipNeedsTheGateInstalled() {
        Sandbox s = new Sandbox(tmp);
        s.change("app.txt", "new\n");

        Sandbox.Outcome o = s.hqWithRouter(router, "ship");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("push gate is not installed").contains("./hq hooks install");
        assertThat(router.reviewCalls()).isZero();
    }
}
