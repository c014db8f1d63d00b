package io.openclaw.hq.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/vps/self_update.sh (and release.sh under it) on a VPS checkout cloned from a real origin, as
 * after a first deploy of a reviewed release; Docker, curl and notify-service are stubs.
 */
class SelfUpdateScriptTest {

    static final String TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @TempDir
    Path dir;
    HostSandbox sandbox;
    ProjectRepos repos;
    Path vps;
    String first;

    @BeforeEach
    void deployedFirstRelease() throws Exception {
        sandbox = new HostSandbox(dir);
        repos = new ProjectRepos(sandbox);
        first = repos.reviewedRelease("app.txt", "v1\n");
        repos.push();
        vps = repos.cloneForVps(dir.resolve("vps"));
        sandbox.env.put("OPENCLAW_REPO_DIR", vps.toString());
        Files.createDirectories(sandbox.secretsDir());
        Files.writeString(sandbox.secretsDir().resolve("hq_internal_token"), TOKEN);
        Files.createDirectories(sandbox.stateDir());
        Files.writeString(sandbox.stateDir().resolve("deployed"), first + "\n");
        Files.writeString(sandbox.stateDir().resolve("image.env"), "OPENCLAW_IMAGE_TAG=" + tag(first) + "\n");
        sandbox.arrange("running_tag", tag(first) + "\n");
        sandbox.clearCalls();
    }

    static String tag(String commit) {
        return commit.substring(0, 12);
    }

    String vpsHead() throws Exception {
        return repos.git(vps, "rev-parse", "HEAD").trim();
    }

    List<String> alerts() {
        return sandbox.stubState(StubCommands.ALERTS).lines().filter(line -> !line.isBlank()).toList();
    }

    List<String> composeTags() {
        return sandbox.calls().stream().filter(call -> call.startsWith("docker-env ")).toList();
    }

    @Test
    void releasesAReviewedOriginMainWithImagesTaggedByCommit() throws Exception {
        String second = repos.reviewedRelease("app.txt", "v2\n");
        repos.push();

        HostSandbox.Result result = sandbox.vps("self_update.sh");

        assertThat(result.exitCode()).as(result.output() + String.join("\n", sandbox.calls())).isZero();
        assertThat(vpsHead()).isEqualTo(second);
        assertThat(sandbox.stubState("built_tags").lines()).containsExactly(tag(second));
        assertThat(sandbox.calls()).contains("docker compose build", "docker compose up -d --no-build");
        assertThat(sandbox.stubState("running_tag").trim()).isEqualTo(tag(second));
        assertThat(sandbox.stateDir().resolve("image.env")).content().isEqualTo("OPENCLAW_IMAGE_TAG=" + tag(second) + "\n");
        assertThat(vps.resolve(".env")).content().contains("OPENCLAW_IMAGE_TAG=" + tag(second) + "\n");
        assertThat(sandbox.stateDir().resolve("deployed")).content().isEqualTo(second + "\n");
        assertThat(alerts()).singleElement().asString().contains("\"status\":\"OK\"").contains("now running " + tag(second));
        assertThat(sandbox.stubState(StubCommands.ALERT_HEADERS)).as("the token reached notify from a header file")
                .isEqualTo("X-HQ-Internal-Token: " + TOKEN + "\n");
        assertThat(String.join("\n", sandbox.calls())).doesNotContain(TOKEN);

        sandbox.clearCalls();
        HostSandbox.Result again = sandbox.vps("self_update.sh");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("nothing to do");
        assertThat(sandbox.calls()).noneMatch(call -> call.startsWith("docker compose"));
    }

    @Test
    void refusesAnUnreviewedOriginMainAndAlertsOncePerCommit() throws Exception {
        String unreviewed = repos.commitCode("app.txt", "v2, not reviewed\n");
        repos.push();

        HostSandbox.Result result = sandbox.vps("self_update.sh");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("refused " + tag(unreviewed)).contains("not covered");
        assertThat(vpsHead()).isEqualTo(first);
        assertThat(sandbox.calls()).noneMatch(call -> call.startsWith("docker compose"));
        assertThat(alerts()).singleElement().asString().contains("\"status\":\"FAIL\"").contains("was not deployed");

        HostSandbox.Result again = sandbox.vps("self_update.sh");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("already alerted");
        assertThat(alerts()).as("the second refusal of the same commit stays quiet").hasSize(1);

        String another = repos.commitCode("app.txt", "v3, not reviewed either\n");
        repos.push();
        sandbox.vps("self_update.sh");
        assertThat(alerts()).hasSize(2);
        assertThat(alerts().get(1)).contains(tag(another));

        String reviewed = repos.advanceBaseline(another);
        repos.push();
        HostSandbox.Result released = sandbox.vps("self_update.sh");
        assertThat(released.exitCode()).as(released.output()).isZero();
        assertThat(vpsHead()).isEqualTo(reviewed);
        assertThat(sandbox.stateDir().resolve("self-update.state")).doesNotExist();
    }

    @Test
    void rollsBackToThePreviousImagesWithoutRebuildingWhenNotReady() throws Exception {
        String second = repos.reviewedRelease("app.txt", "v2, never ready\n");
        repos.push();
        sandbox.arrange(StubCommands.UNHEALTHY_TAGS, tag(second) + "\n");

        HostSandbox.Result result = sandbox.vps("self_update.sh");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("did not become ready").contains("rolled back to images " + tag(first));
        assertThat(sandbox.stubState("built_tags").lines()).containsExactly(tag(second));
        assertThat(composeTags()).containsSubsequence("docker-env OPENCLAW_IMAGE_TAG=" + tag(second),
                "docker-env OPENCLAW_IMAGE_TAG=" + tag(first));
        assertThat(sandbox.stubState("running_tag").trim()).isEqualTo(tag(first));
        assertThat(vpsHead()).isEqualTo(first);
        assertThat(sandbox.stateDir().resolve("image.env")).content().isEqualTo("OPENCLAW_IMAGE_TAG=" + tag(first) + "\n");
        assertThat(vps.resolve(".env")).as("the tag of a release that never became ready is recorded nowhere").doesNotExist();
        assertThat(alerts()).singleElement().asString().contains("rolled back").contains("\"severity\":\"critical\"");

        sandbox.clearCalls();
        HostSandbox.Result next = sandbox.vps("self_update.sh");
        assertThat(next.exitCode()).isEqualTo(1);
        assertThat(next.output()).contains("failed before");
        assertThat(sandbox.calls()).noneMatch(call -> call.startsWith("docker compose"));
        assertThat(alerts()).hasSize(1);

        sandbox.unarrange(StubCommands.UNHEALTHY_TAGS);
        HostSandbox.Result retried = sandbox.vps("self_update.sh", "--retry");
        assertThat(retried.exitCode()).as(retried.output()).isZero();
        assertThat(vpsHead()).isEqualTo(second);
    }

    @Test
    void worksWithComposeV1WhenDockerHasNoComposePlugin() throws Exception {
        String second = repos.reviewedRelease("app.txt", "v2\n");
        repos.push();
        sandbox.arrange(StubCommands.COMPOSE_V1_ONLY);

        HostSandbox.Result result = sandbox.vps("self_update.sh");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(sandbox.calls()).contains("docker-compose build", "docker-compose up -d --no-build")
                .doesNotContain("docker compose build");
        assertThat(sandbox.stubState("running_tag").trim()).isEqualTo(tag(second));
    }

    @Test
    void aFailedBuildLeavesTheRunningStackAlone() throws Exception {
        repos.reviewedRelease("app.txt", "v2, does not build\n");
        repos.push();
        sandbox.arrange(StubCommands.BUILD_FAILS);

        HostSandbox.Result result = sandbox.vps("self_update.sh");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(sandbox.calls()).doesNotContain("docker compose up -d --no-build");
        assertThat(vpsHead()).isEqualTo(first);
        assertThat(sandbox.stubState("running_tag").trim()).isEqualTo(tag(first));
        assertThat(alerts()).singleElement().asString().contains("did not build");
    }

    @Test
    void refusesARewrittenMainEvenWhenReviewed() throws Exception {
        repos.git(repos.operator, "reset", "-q", "--hard", "HEAD~2");
        String rewritten = repos.reviewedRelease("app.txt", "another history\n");
        repos.push();

        HostSandbox.Result result = sandbox.vps("self_update.sh");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("refused " + tag(rewritten)).contains("does not descend");
        assertThat(vpsHead()).isEqualTo(first);
    }

    @Test
    void alertsThroughPushoverWhenNotifyDoesNotAnswerWithoutAKeyInAnyArgv() throws Exception {
        sandbox.arrange(StubCommands.NOTIFY_DOWN);
        Files.writeString(sandbox.secretsDir().resolve("pushover_token"), "azGDORePK8gMaC0QOYAMyEEuzJnyUi");
        Files.writeString(sandbox.secretsDir().resolve("pushover_user"), "uQiRzpo4DXghDmr9QzzfQu27cmVRsG");
        repos.commitCode("app.txt", "not reviewed\n");
        repos.push();

        sandbox.vps("self_update.sh");

        assertThat(alerts()).containsExactly("pushover");
        String calls = String.join("\n", sandbox.calls());
        assertThat(calls).contains("token@" + sandbox.secretsDir().resolve("pushover_token"));
        assertThat(sandbox.secretValues()).hasSize(3).allSatisfy(secret -> assertThat(calls).doesNotContain(secret));
    }
}
