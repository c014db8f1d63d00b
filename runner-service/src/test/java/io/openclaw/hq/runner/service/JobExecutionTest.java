package io.openclaw.hq.runner.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.openclaw.hq.runner.support.Api.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.runner.support.Api;
import io.openclaw.hq.runner.support.GitReposResource;
import io.openclaw.hq.runner.support.RunnerTestResources;
import io.openclaw.hq.runner.support.TestRepos;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs run for real: local repositories, mirrors, worktrees, the shipped and the test wrappers. */
@QuarkusTest
@RunnerTestResources
class JobExecutionTest {

    @WireMockResource.InjectWireMock
    WireMockServer notify;

    @BeforeEach
    void notifyAnswers() {
        notify.resetAll();
        notify.stubFor(post(urlEqualTo("/alerts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"outcome\":\"alert\"}")));
    }

    /** Alerts go out just after the job ends; give them a moment. */
    void awaitAlert(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) throws InterruptedException {
        for (int i = 0; i < 100 && notify.findAll(pattern).isEmpty(); i++) {
            Thread.sleep(100);
        }
        notify.verify(pattern);
    }

    static JsonPath run(String jobType, String repo, Map<String, String> params) {
        return Api.awaitFinished(Api.submit(jobType, repo, params));
    }

    static JsonPath artifacts(JsonPath job) {
        return api().when().get("/jobs/" + job.getString("id") + "/artifacts").then().statusCode(200).extract().jsonPath();
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void aWrapperThatWritesIsMutationDetectedWithTheChangedFile() throws Exception {
        assumeTrue(isRoot(), "as root the write bit does not stop a write, which is what this test needs");
        JsonPath job = run("test_write", "plain", Map.of());
        assertThat(job.getString("status")).isEqualTo("mutation_detected");
        assertThat(job.getString("errorClass")).isEqualTo("MUTATION_DETECTED");
        assertThat(job.getList("changedFiles", String.class)).containsExactly("M README.md");
        assertThat(job.getBoolean("invariants.cleanTreeOk")).isFalse();
        JsonPath run = api().when().get("/runs/" + job.getString("runId")).then().extract().jsonPath();
        assertThat(run.getString("status")).isEqualTo("failure");
        assertThat(run.getString("error")).startsWith("MUTATION_DETECTED: the worktree changed: M README.md");
        assertThat(artifacts(job).getBoolean("artifact.invariants.clean_tree_ok")).isFalse();
        assertThat(artifacts(job).getList("artifact.changed_files", String.class)).containsExactly("M README.md");
        awaitAlert(postRequestedFor(urlEqualTo("/alerts"))
                .withRequestBody(matchingJsonPath("$.checkId", equalTo("runner.job.test_write.plain")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("FAIL")))
                .withRequestBody(matchingJsonPath("$.severity", equalTo("critical"))));
    }

    @Test
    void aWrapperThatChmodsBackAndWritesLosesBothInvariants() {
        JsonPath job = run("test_chmod_back", "plain", Map.of());
        assertThat(job.getString("status")).isEqualTo("mutation_detected");
        assertThat(job.getList("changedFiles", String.class)).containsExactly("M src/app.txt");
        assertThat(job.getBoolean("invariants.readOnlyOk")).isFalse();
        assertThat(job.getBoolean("invariants.cleanTreeOk")).isFalse();
    }

    @Test
    void aWrapperThatOnlyMakesTheTreeWritableIsCaughtToo() {
        JsonPath job = run("test_chmod_only", "plain", Map.of());
        assertThat(job.getString("status")).isEqualTo("mutation_detected");
        assertThat(job.getBoolean("invariants.readOnlyOk")).isFalse();
        assertThat(job.getBoolean("invariants.cleanTreeOk")).isTrue();
        assertThat(job.getString("error")).startsWith("the worktree was made writable again");
    }

    @Test
    void aWrapperThatDeletesIsMutationDetected() {
        assumeTrue(isRoot(), "deleting from a read-only folder needs root");
        JsonPath job = run("test_delete", "plain", Map.of());
        assertThat(job.getString("status")).isEqualTo("mutation_detected");
        assertThat(job.getList("changedFiles", String.class)).containsExactly("D src/app.txt");
    }

    @Test
    void theWorktreeIsRemovedWhateverHappened() throws Exception {
        run("test_fail", "plain", Map.of());
        run("test_chmod_back", "plain", Map.of());
        Path worktrees = GitReposResource.workDir().resolve("worktrees");
        awaitNoJobRunning();
        try (Stream<Path> left = Files.exists(worktrees) ? Files.list(worktrees) : Stream.empty()) {
            assertThat(left.toList()).isEmpty();
        }
        String registered = TestRepos.git(GitReposResource.workDir().resolve("mirrors/plain.git"), "worktree", "list");
        assertThat(registered.lines().count()).as(registered).isEqualTo(1);
    }

    @Test
    void aFailingWrapperFailsTheJobAndAlerts() throws Exception {
        JsonPath job = run("test_fail", "plain", Map.of());
        assertThat(job.getString("status")).isEqualTo("failure");
        assertThat(job.getString("errorClass")).isEqualTo("WRAPPER_FAILED");
        assertThat(job.getBoolean("invariants.cleanTreeOk")).isTrue();
        assertThat(Api.runLog(job.getString("runId"))).contains("about to fail", "wrapper ended with exit 3");
        awaitAlert(postRequestedFor(urlEqualTo("/alerts"))
                .withRequestBody(matchingJsonPath("$.checkId", equalTo("runner.job.test_fail.plain")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("FAIL")))
                .withRequestBody(matchingJsonPath("$.source", equalTo("runner-service"))));
    }

    @Test
    void aJobTypeThatSucceedsAgainResolvesItsAlert() throws Exception {
        // a SINCE_SHA of the right shape that is no commit of the repository: the wrapper refuses it
        JsonPath failed = run("orb_review_bundle", "plain", Map.of("SINCE_SHA", "1234567"));
        assertThat(failed.getString("status")).isEqualTo("failure");
        assertThat(Api.runLog(failed.getString("runId"))).contains("SINCE_SHA 1234567 is not a commit of this repository");
        awaitAlert(postRequestedFor(urlEqualTo("/alerts"))
                .withRequestBody(matchingJsonPath("$.checkId", equalTo("runner.job.orb_review_bundle.plain")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("FAIL"))));
        JsonPath again = run("orb_review_bundle", "plain", Map.of("SINCE_SHA", TestRepos.firstCommit("plain")));
        assertThat(again.getString("status")).isEqualTo("success");
        awaitAlert(postRequestedFor(urlEqualTo("/alerts"))
                .withRequestBody(matchingJsonPath("$.checkId", equalTo("runner.job.orb_review_bundle.plain")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("OK"))));
    }

    @Test
    void aRepositoryThatCannotBeFetchedFailsAsGitFailed() {
        JsonPath job = run("orb_doctor", "gone", Map.of());
        assertThat(job.getString("status")).isEqualTo("failure");
        assertThat(job.getString("errorClass")).isEqualTo("GIT_FAILED");
        assertThat(job.getString("error")).contains("clone --mirror of gone failed");
    }

    @Test
    void theWrapperSeesOnlyItsParamsAndNoSecret() throws Exception {
        JsonPath job = run("test_env", "plain", Map.of());
        assertThat(job.getString("status")).isEqualTo("success");
        Path env = TestSecretsResource.artifactRoot().resolve("runner/" + job.getString("runId") + "/outputs/env.txt");
        List<String> names = Files.readAllLines(env).stream().map(l -> l.substring(0, l.indexOf('='))).toList();
        assertThat(names).doesNotContain("QUARKUS_PROFILE", "JAVA_HOME", "OPENCLAW_SECRETS_DIR", "MAVEN_ARGS",
                "HQ_INTERNAL_TOKEN");
        assertThat(names).allMatch(n -> List.of("PATH", "HOME", "TMPDIR", "LANG", "ARTIFACT_DIR", "WORKTREE", "JOB_ID",
                "JOB_TYPE", "JOB_SHA", "REPO_NAME", "PWD", "SHLVL", "_", "OLDPWD").contains(n) || n.startsWith("GIT_"), "allowed name");
        String text = Files.readString(env);
        CanarySecrets.assertNoLeak(text, "the wrapper's environment");
        assertThat(text).doesNotContain(TestSecretsResource.secretsDir().toString());
    }

    @Test
    void hooksPathIsSetInTheGitdirAndTheTreeStaysClean() {
        JsonPath job = run("test_hooks", "hooks", Map.of());
        assertThat(job.getString("status")).isEqualTo("success");
        assertThat(job.getBoolean("invariants.cleanTreeOk")).isTrue();
        String log = Api.runLog(job.getString("runId"));
        assertThat(log).contains("core.hooksPath=.githooks set in the worktree's gitdir config", "hooksPath=.githooks",
                "status=[]");
        // never in the shared mirror config: the next job of the repository starts from the repository alone
        assertThat(TestRepos.git(GitReposResource.workDir().resolve("mirrors/hooks.git"), "config", "--list"))
                .doesNotContain("hookspath");

        JsonPath doctor = run("orb_doctor", "hooks", Map.of());
        assertThat(doctor.getString("status")).isEqualTo("success");
        assertThat(Api.runLog(doctor.getString("runId"))).contains("hooks_path", "PASS core.hooksPath=.githooks",
                "push_disabled          PASS");
    }

    @Test
    void forcedSizeCapSucceedsWithReviewPacketsAndAWarning() throws Exception {
        JsonPath job = run("orb_review_bundle", "plain",
                Map.of("SINCE_SHA", TestRepos.firstCommit("plain"), "FORCE_SIZE_CAP", "1"));
        assertThat(job.getString("status")).isEqualTo("success");
        assertThat(job.getList("warnings", String.class)).containsExactly("SIZE_CAP_EXCEEDED");
        JsonPath a = artifacts(job);
        assertThat(a.getBoolean("artifact.size_cap_exceeded")).isTrue();
        assertThat(a.getList("artifact.warnings", String.class)).containsExactly("SIZE_CAP_EXCEEDED");
        assertThat(a.getString("artifact.review_packets_archive")).isEqualTo("ORB_REVIEW_PACKETS.tar.gz");
        String dir = a.getString("artifact.review_packets_dir");
        assertThat(dir).matches("review_packets/\\d{8}T\\d{6}Z");
        assertThat(a.getBoolean("artifact.size_cap_fallback.forced")).isTrue();
        assertThat(a.getInt("artifact.size_cap_fallback.packet_count")).isEqualTo(1);
        assertThat(a.getList("artifact.outputs", String.class)).contains("ORB_REVIEW_PACKETS.tar.gz",
                "README_REVIEW_PACKETS.txt", "size_cap_meta.json", dir + "/packet_001.txt", dir + "/HOW_TO_PASTE.txt");
        Path outputs = TestSecretsResource.artifactRoot().resolve("runner/" + job.getString("runId") + "/outputs");
        assertThat(Files.readString(outputs.resolve(dir + "/packet_001.txt"))).contains("diff --git a/src/app.txt");
        JsonPath run = api().when().get("/runs/" + job.getString("runId")).then().extract().jsonPath();
        assertThat(run.getString("status")).isEqualTo("success");
        assertThat(run.getList("warnings", String.class)).containsExactly("SIZE_CAP_EXCEEDED");
        awaitAlert(postRequestedFor(urlEqualTo("/alerts"))
                .withRequestBody(matchingJsonPath("$.checkId", equalTo("runner.size_cap.plain")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("WARN"))));
    }

    @Test
    void aTimeoutKillsTheWrapperAndEveryChildAfterTheGracePeriod() throws Exception {
        JsonPath job = run("test_timeout", "other", Map.of());
        assertThat(job.getString("status")).isEqualTo("failure");
        assertThat(job.getString("errorClass")).isEqualTo("TIMEOUT");
        Path pids = TestSecretsResource.artifactRoot().resolve("runner/" + job.getString("runId") + "/outputs/pids.txt");
        List<Long> children = Files.readAllLines(pids).stream().map(l -> Long.parseLong(l.split(" ")[1])).toList();
        assertThat(children).hasSize(2);
        for (long pid : children) {
            assertThat(goneOrZombie(pid)).as("pid %d still running", pid).isTrue();
        }
        assertThat(Api.runLog(job.getString("runId"))).contains("SIGTERM to the wrapper's process group",
                "outlived its grace period");
    }

    @Test
    void noPushIsPossibleFromAMirror() {
        JsonPath job = run("test_noop", "plain", Map.of());
        assertThat(job.getString("status")).isEqualTo("success");
        Path mirror = GitReposResource.workDir().resolve("mirrors/plain.git");
        assertThat(TestRepos.git(mirror, "remote", "get-url", "--push", "origin")).isEqualTo("DISABLED");
        String before = TestRepos.git(TestRepos.path("plain"), "for-each-ref");
        Process push;
        try {
            push = new ProcessBuilder("git", "-C", mirror.toString(), "push", "origin", "HEAD:refs/heads/pushed")
                    .redirectErrorStream(true).start();
            String out = new String(push.getInputStream().readAllBytes());
            assertThat(push.waitFor()).as(out).isNotZero();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(TestRepos.git(TestRepos.path("plain"), "for-each-ref")).isEqualTo(before);
    }

    @Test
    void aPinnedShaIsTheCommitTheJobRunsAt() {
        String first = TestRepos.firstCommit("plain");
        String jobId = api().body("{\"jobType\":\"test_noop\",\"repo\":\"plain\",\"sha\":\"" + first.substring(0, 12)
                + "\",\"params\":{}}").when().post("/jobs").then().statusCode(202).extract().jsonPath().getString("jobId");
        JsonPath job = Api.awaitFinished(jobId);
        assertThat(job.getString("status")).isEqualTo("success");
        assertThat(job.getString("requestedSha")).isEqualTo(first.substring(0, 12));
        assertThat(job.getString("sha")).isEqualTo(first);
        assertThat(Api.runLog(job.getString("runId"))).contains("at " + first.substring(0, 7));
    }

    @Test
    void artifactsAndRowsCarryNoSecret() {
        run("test_env", "plain", Map.of());
        CanarySecrets.assertNoLeakInTree(TestSecretsResource.artifactRoot().resolve("runner"));
        CanarySecrets.assertNoLeakInSchema("runner");
    }

    /** A killed process is gone, or a zombie until init reaps it; either way it no longer runs. */
    static boolean goneOrZombie(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        for (int i = 0; i < 50; i++) {
            if (!Files.exists(stat)) {
                return true;
            }
            try {
                String text = Files.readString(stat);
                if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            } catch (java.io.IOException gone) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    static void awaitNoJobRunning() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<String> statuses = api().when().get("/jobs?limit=500").jsonPath().getList("status", String.class);
            if (statuses.stream().noneMatch(s -> s.equals("running") || s.equals("queued"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("jobs still running after 60 s");
    }
}
