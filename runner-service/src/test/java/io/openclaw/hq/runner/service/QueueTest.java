package io.openclaw.hq.runner.service;

import static io.openclaw.hq.runner.support.Api.api;
import static io.openclaw.hq.runner.support.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.platform.runs.RunTrigger;
import io.openclaw.hq.runner.git.Mirrors;
import io.openclaw.hq.runner.model.Job;
import io.openclaw.hq.runner.model.JobStatus;
import io.openclaw.hq.runner.support.Api;
import io.openclaw.hq.runner.support.GitReposResource;
import io.openclaw.hq.runner.support.RunnerTestResources;
import io.openclaw.hq.runner.support.TestRepos;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RunnerTestResources
class QueueTest {

    @Inject
    JobDispatcher dispatcher;

    @Inject
    JobStore store;

    @Inject
    JobRecovery recovery;

    @Inject
    Workspace workspace;

    @AfterEach
    void resume() {
        dispatcher.resume();
    }

    @Test
    void jobsOfOneRepositoryRunOneAtATimeInTheOrderTheyCame() throws Exception {
        JobExecutionTest.awaitNoJobRunning();
        dispatcher.pause();
        List<String> plain = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            plain.add(Api.submit("test_sleep", "plain", Map.of("MILLIS", "300")));
            other.add(Api.submit("test_sleep", "other", Map.of("MILLIS", "300")));
        }
        // queued, in order, with their place in the queue
        assertThat(api().when().get("/jobs/" + plain.get(0)).jsonPath().getInt("queuePosition")).isEqualTo(1);
        assertThat(api().when().get("/jobs/" + other.get(2)).jsonPath().getInt("queuePosition")).isEqualTo(6);
        assertThat(api().when().get("/jobs/" + other.get(2)).jsonPath().getString("runId")).isNull();
        dispatcher.resume();

        List<JsonPath> plainJobs = plain.stream().map(Api::awaitFinished).toList();
        List<JsonPath> otherJobs = other.stream().map(Api::awaitFinished).toList();
        for (List<JsonPath> jobs : List.of(plainJobs, otherJobs)) {
            for (int i = 0; i < jobs.size(); i++) {
                assertThat(jobs.get(i).getString("status")).isEqualTo("success");
                if (i > 0) {
                    Instant previousEnd = Instant.parse(jobs.get(i - 1).getString("finishedAt"));
                    Instant start = Instant.parse(jobs.get(i).getString("startedAt"));
                    // FIFO per repository, and never two at once: each starts after the one before ended
                    assertThat(start).isAfterOrEqualTo(previousEnd);
                }
            }
        }
        // the two repositories did run side by side (two workers): the queue is not one global line
        Instant firstOtherStart = Instant.parse(otherJobs.get(0).getString("startedAt"));
        Instant firstPlainEnd = Instant.parse(plainJobs.get(0).getString("finishedAt"));
        assertThat(firstOtherStart).isBefore(firstPlainEnd);
    }

    @Test
    void workersClaimInFifoOrderSkippingRepositoriesThatAreBusy() throws Exception {
        JobExecutionTest.awaitNoJobRunning();
        dispatcher.pause();
        Instant now = Instant.now();
        Job a1 = store.enqueue(JobSubmission.newJobId(now), "test_noop", "plain", null, Map.of(), RunTrigger.API, "api", now, 100);
        Job a2 = store.enqueue(JobSubmission.newJobId(now), "test_noop", "plain", null, Map.of(), RunTrigger.API, "api", now, 100);
        Job b1 = store.enqueue(JobSubmission.newJobId(now), "test_noop", "other", null, Map.of(), RunTrigger.API, "api", now, 100);
        try {
            assertThat(store.claimNext(now).map(Job::id)).contains(a1.id());
            // a2 is older than b1, but plain is busy
            assertThat(store.claimNext(now).map(Job::id)).contains(b1.id());
            assertThat(store.claimNext(now)).isEmpty();
            recovery.recover();
            assertThat(store.find(a1.id()).orElseThrow().status()).isEqualTo(JobStatus.INTERRUPTED);
            assertThat(store.claimNext(now).map(Job::id)).contains(a2.id());
        } finally {
            recovery.recover();
        }
    }

    @Test
    void aRestartInterruptsRunningJobsRemovesTheirWorktreesAndKeepsQueuedOnes() throws Exception {
        JobExecutionTest.awaitNoJobRunning();
        dispatcher.pause();
        Instant now = Instant.now();
        // a job that was running when the process died, with its worktree on disk, read-only
        Job running = store.enqueue(JobSubmission.newJobId(now), "test_noop", "plain", null, Map.of(), RunTrigger.API, "api", now, 100);
        Job waiting = store.enqueue(JobSubmission.newJobId(now), "test_noop", "plain", null, Map.of(), RunTrigger.WEB, "web", now, 100);
        assertThat(store.claimNext(now).map(Job::id)).contains(running.id());
        Path mirror = workspace.mirrors().refresh("plain", TestRepos.url("plain"));
        Path worktree = workspace.worktrees().create(mirror, running.id(), TestRepos.head("plain"));
        store.noteWorktree(running.id(), TestRepos.head("plain"), worktree.toString());
        assertThat(workspace.worktrees().makeReadOnly(worktree)).isTrue();

        List<Job> interrupted = recovery.recover();

        assertThat(interrupted).extracting(Job::id).containsExactly(running.id());
        Job after = store.find(running.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.INTERRUPTED);
        assertThat(after.errorClass()).isEqualTo("INTERRUPTED");
        assertThat(Files.exists(worktree)).isFalse();
        assertThat(TestRepos.git(mirror, "worktree", "list").lines().count()).isEqualTo(1);
        assertThat(store.find(waiting.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);

        dispatcher.resume();
        assertThat(Api.awaitFinished(waiting.id()).getString("status")).isEqualTo("success");
    }

    @Test
    void aFullQueueRefusesWith429AndQueuesNothing() throws Exception {
        JobExecutionTest.awaitNoJobRunning();
        dispatcher.pause();
        List<String> queued = new ArrayList<>();
        try {
            for (int i = 0; i < QUEUE_CAPACITY; i++) {
                queued.add(Api.submit("test_noop", "other", Map.of()));
            }
            api().body(body("test_noop", "other", Map.of())).when().post("/jobs").then().statusCode(429)
                    .body("title", org.hamcrest.Matchers.equalTo("queue full"));
            assertThat(api().when().get("/jobs?repo=other&limit=500").jsonPath().getList("status", String.class)
                    .stream().filter("queued"::equals).count()).isEqualTo(QUEUE_CAPACITY);
        } finally {
            dispatcher.resume();
        }
        for (String id : queued) {
            assertThat(Api.awaitFinished(id).getString("status")).isEqualTo("success");
        }
    }

    /** %test.runner.queue.capacity */
    static final int QUEUE_CAPACITY = 10;

    @Test
    void everyMirrorHasItsPushDisabled() {
        Path mirrors = GitReposResource.workDir().resolve("mirrors");
        Optional.ofNullable(mirrors.toFile().listFiles()).ifPresent(all -> {
            for (var m : all) {
                assertThat(TestRepos.git(m.toPath(), "remote", "get-url", "--push", "origin")).isEqualTo(Mirrors.PUSH_DISABLED);
            }
        });
    }
}
