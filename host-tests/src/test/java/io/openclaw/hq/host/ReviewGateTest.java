package io.openclaw.hq.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/vps/review_gate.sh on real commits: only a commit its baseline covers exactly may run. */
class ReviewGateTest {

    @TempDir
    Path dir;
    HostSandbox sandbox;
    ProjectRepos repos;

    @BeforeEach
    void repos() throws Exception {
        sandbox = new HostSandbox(dir);
        repos = new ProjectRepos(sandbox);
    }

    HostSandbox.Result gate(String commit) throws Exception {
        return sandbox.vps("review_gate.sh", "--repo", repos.operator.toString(), commit);
    }

    @Test
    void theBaselineAdvanceCommitOnTopOfTheReviewedCodeIsCovered() throws Exception {
        String release = repos.reviewedRelease("app.txt", "v1\n");

        HostSandbox.Result result = gate(release);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("covered");
    }

    @Test
    void codeOnTopOfTheBaselineAdvanceIsRefused() throws Exception {
        repos.reviewedRelease("app.txt", "v1\n");
        String unreviewed = repos.commitCode("app.txt", "v2, never reviewed\n");

        HostSandbox.Result result = gate(unreviewed);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("refused").contains("not covered");
    }

    @Test
    void aBaselineAdvanceThatAlsoChangesCodeIsRefused() throws Exception {
        String reviewed = repos.commitCode("app.txt", "v1\n");
        Files.writeString(repos.operator.resolve(ProjectRepos.BASELINE_FILE), reviewed + "\n");
        Files.writeString(repos.operator.resolve("app.txt"), "slipped in with the baseline\n");
        repos.git(repos.operator, "add", "-A");
        repos.git(repos.operator, "commit", "-q", "-m", "baseline and a change");

        HostSandbox.Result result = gate(repos.head());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("changes more than docs/LAST_REVIEWED_SHA.txt").contains("app.txt");
    }

    @Test
    void aBaselineTwoCommitsBehindIsRefused() throws Exception {
        String reviewed = repos.commitCode("app.txt", "v1\n");
        repos.commitCode("other.txt", "unreviewed\n");
        String advance = repos.advanceBaseline(reviewed);

        assertThat(gate(advance).exitCode()).isEqualTo(1);
    }

    @Test
    void noBaselineFileOrAnAbbreviatedIdIsRefused() throws Exception {
        String noBaseline = repos.commitCode("app.txt", "v1\n");
        assertThat(gate(noBaseline).output()).contains("has no docs/LAST_REVIEWED_SHA.txt");

        String abbreviated = repos.advanceBaseline(noBaseline.substring(0, 12));
        HostSandbox.Result result = gate(abbreviated);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("full 40-hex");
    }

    @Test
    void aMergeOnTopOfTheBaselineIsRefused() throws Exception {
        String reviewed = repos.commitCode("app.txt", "v1\n");
        repos.git(repos.operator, "checkout", "-q", "-b", "side", "HEAD~1");
        repos.commitCode("side.txt", "from a side branch\n");
        repos.git(repos.operator, "checkout", "-q", "main");
        Files.writeString(repos.operator.resolve(ProjectRepos.BASELINE_FILE), reviewed + "\n");
        repos.git(repos.operator, "add", "-A");
        repos.git(repos.operator, "commit", "-q", "-m", "baseline");
        repos.git(repos.operator, "merge", "-q", "--no-edit", "side");

        assertThat(gate(repos.head()).exitCode()).isEqualTo(1);
    }
}
