package io.openclaw.hq.runner.rest;

import static io.openclaw.hq.runner.support.Api.api;
import static io.openclaw.hq.runner.support.Api.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.openclaw.hq.runner.support.Api;
import io.openclaw.hq.testing.Contracts;
import io.openclaw.hq.runner.support.GitReposResource;
import io.openclaw.hq.runner.support.RunnerTestResources;
import io.openclaw.hq.runner.support.TestRepos;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@RunnerTestResources
class JobsApiTest {

    @Test
    void aJobIsAcceptedQueuedAndFollowedToItsArtifacts() {
        Response accepted = api().header("X-HQ-Actor", "sha256:1a2b3c4d").header("X-HQ-Trigger", "web")
                .body(body("orb_review_bundle", "plain", Map.of("SINCE_SHA", TestRepos.firstCommit("plain"))))
                .when().post("/jobs");
        accepted.then().statusCode(202).header("Location", containsString("/jobs/job-"));
        JsonPath answer = accepted.jsonPath();
        String jobId = answer.getString("jobId");
        assertThat(jobId).matches("job-\\d{8}T\\d{6}Z-[0-9a-f]{8}");
        assertThat(answer.getString("job.id")).isEqualTo(jobId);
        assertThat(answer.getString("job.jobType")).isEqualTo("orb_review_bundle");
        assertThat(answer.getString("job.params.SINCE_SHA")).isEqualTo(TestRepos.firstCommit("plain"));
        assertThat(answer.getString("job.actor")).isEqualTo("sha256:1a2b3c4d");
        assertThat(answer.getString("job.trigger")).isEqualTo("web");
        Contracts.record("runner-service", "post-jobs", "POST", "/jobs", 202, accepted.asString());

        JsonPath job = Api.awaitFinished(jobId);
        assertThat(job.getString("status")).isEqualTo("success");
        assertThat(job.getString("sha")).isEqualTo(TestRepos.head("plain"));
        assertThat(job.getBoolean("invariants.readOnlyOk")).isTrue();
        assertThat(job.getBoolean("invariants.cleanTreeOk")).isTrue();
        String runId = job.getString("runId");
        assertThat(runId).isNotBlank();
        Contracts.record("runner-service", "job", "GET", "/jobs/{id}", 200, api().when().get("/jobs/" + jobId).asString());

        // the run says who asked, like every service's runs
        JsonPath run = api().when().get("/runs/" + runId).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("actor")).isEqualTo("sha256:1a2b3c4d");
        assertThat(run.getString("trigger")).isEqualTo("web");
        assertThat(run.getString("action")).isEqualTo("job:orb_review_bundle");
        assertThat(run.getString("project")).isEqualTo("clip_factory_monitoring");
        assertThat(run.getString("status")).isEqualTo("success");
        assertThat(Api.runLog(runId)).contains("orb_review_bundle: 1 commit(s)", "worktree removed");

        Response artifacts = api().when().get("/jobs/" + jobId + "/artifacts");
        artifacts.then().statusCode(200);
        JsonPath a = artifacts.jsonPath();
        assertThat(a.getBoolean("artifact.invariants.read_only_ok")).isTrue();
        assertThat(a.getBoolean("artifact.invariants.clean_tree_ok")).isTrue();
        assertThat(a.getList("artifact.outputs", String.class)).containsExactly("REVIEW_BUNDLE.txt");
        assertThat(a.getString("artifact.params.SINCE_SHA")).isEqualTo(TestRepos.firstCommit("plain"));
        assertThat(a.getList("artifact.warnings")).isEmpty();
        assertThat(a.getList("files.path", String.class)).contains("runner/" + runId + "/artifact.json",
                "runner/" + runId + "/outputs/REVIEW_BUNDLE.txt", "runner/" + runId + "/run.json");
        Contracts.record("runner-service", "job-artifacts", "GET", "/jobs/{id}/artifacts", 200, artifacts.asString());

        Response list = api().when().get("/jobs?limit=5");
        list.then().statusCode(200);
        assertThat(list.jsonPath().getList("id", String.class)).contains(jobId);
        Contracts.record("runner-service", "jobs", "GET", "/jobs?limit=5", 200, list.asString());
        assertThat(api().when().get("/jobs?repo=other&limit=50").jsonPath().getList("id", String.class))
                .doesNotContain(jobId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown job type | {\"jobType\":\"rm_rf\",\"repo\":\"plain\",\"params\":{}} | jobType 'rm_rf' is not in the job allowlist",
            "unknown repository | {\"jobType\":\"orb_doctor\",\"repo\":\"elsewhere\",\"params\":{}} | repo 'elsewhere' is not in the repository allowlist",
            "repository as a URL | {\"jobType\":\"orb_doctor\",\"repo\":\"https://evil.example/x.git\",\"params\":{}} | is not in the repository allowlist",
            "unknown param | {\"jobType\":\"orb_doctor\",\"repo\":\"plain\",\"params\":{\"LD_PRELOAD\":\"/tmp/x.so\"}} | param 'LD_PRELOAD' is not allowed for orb_doctor",
            "param failing its pattern | {\"jobType\":\"orb_review_bundle\",\"repo\":\"plain\",\"params\":{\"SINCE_SHA\":\"HEAD~3\"}} | param 'SINCE_SHA' does not match its pattern",
            "shell injection | {\"jobType\":\"orb_review_bundle\",\"repo\":\"plain\",\"params\":{\"SINCE_SHA\":\"abcdef1; rm -rf /\"}} | param 'SINCE_SHA' does not match",
            "command substitution | {\"jobType\":\"orb_review_bundle\",\"repo\":\"plain\",\"params\":{\"SINCE_SHA\":\"$(id)\"}} | param 'SINCE_SHA' does not match",
            "path traversal | {\"jobType\":\"orb_score_run\",\"repo\":\"plain\",\"params\":{\"RUN_DIR\":\"runs/../../etc\"}} | param 'RUN_DIR' does not match",
            "absolute path | {\"jobType\":\"orb_score_run\",\"repo\":\"plain\",\"params\":{\"RUN_DIR\":\"/etc\"}} | param 'RUN_DIR' does not match",
            "newline in a param | {\"jobType\":\"orb_score_run\",\"repo\":\"plain\",\"params\":{\"RUN_DIR\":\"runs\\nX=1\"}} | control characters",
            "missing required param | {\"jobType\":\"orb_review_bundle\",\"repo\":\"plain\",\"params\":{}} | param 'SINCE_SHA' is required",
            "sha that is not a commit id | {\"jobType\":\"orb_doctor\",\"repo\":\"plain\",\"sha\":\"main\",\"params\":{}} | sha must be 7 to 40 lower-case hex digits",
            "sha option injection | {\"jobType\":\"orb_doctor\",\"repo\":\"plain\",\"sha\":\"--upload-pack=x\",\"params\":{}} | sha must be",
            "missing job type | {\"repo\":\"plain\",\"params\":{}} | jobType is required",
            "unknown field | {\"jobType\":\"orb_doctor\",\"repo\":\"plain\",\"url\":\"file:///etc\",\"params\":{}} | unknown field 'url'",
    })
    void offAllowlistOrMalformedRequestsAreRefusedNamingTheProblem(String name, String body, String detail) {
        int before = api().when().get("/jobs?limit=500").jsonPath().getList("id").size();
        api().body(body).when().post("/jobs").then().statusCode(400).body("status", equalTo(400))
                .body("detail", containsString(detail));
        // nothing of a refused request is queued
        assertThat(api().when().get("/jobs?limit=500").jsonPath().getList("id")).hasSize(before);
    }

    @Test
    void aParamValueIsNeverEchoedInTheRefusal() {
        api().body(body("orb_review_bundle", "plain", Map.of("SINCE_SHA", "sk-not-a-sha-secretish")))
                .when().post("/jobs").then().statusCode(400).body("detail", not(containsString("sk-not-a-sha")));
    }

    @Test
    void badIdsLimitsAndHeadersAre4xx() {
        api().when().get("/jobs/job-20000101T000000Z-00000000").then().statusCode(404);
        api().when().get("/jobs/..%2F..%2Fetc").then().statusCode(400);
        api().when().get("/jobs?limit=0").then().statusCode(400).body("detail", containsString("limit"));
        api().when().get("/jobs?repo=..%2Fx").then().statusCode(400);
        api().header("X-HQ-Trigger", "cron").body(body("orb_doctor", "plain", Map.of()))
                .when().post("/jobs").then().statusCode(400).body("detail", containsString("X-HQ-Trigger"));
        given().when().get("/jobs").then().statusCode(401);
    }

    @Test
    void theAllowlistIsReadableForTheJobsForm() {
        Response answer = api().when().get("/jobs/allowlist");
        answer.then().statusCode(200);
        Contracts.record("runner-service", "jobs-allowlist", "GET", "/jobs/allowlist", 200, answer.asString());
        JsonPath allowed = answer.jsonPath();
        assertThat(allowed.getList("jobTypes.jobType", String.class)).contains("orb_review_bundle", "orb_doctor", "orb_score_run");
        assertThat(allowed.getString("jobTypes.find { it.jobType == 'orb_review_bundle' }.params.find { it.name == 'SINCE_SHA' }.pattern"))
                .isEqualTo("^[0-9a-f]{7,40}$");
        assertThat(allowed.getList("repos.name", String.class)).contains("plain", "hooks", "other");
        // URLs stay inside the service
        assertThat(allowed.prettify()).doesNotContain("file://");
    }

    @Test
    void anInvalidAllowlistTurnsReadinessDownAndRefusesJobs() throws Exception {
        Path file = GitReposResource.configDir().resolve("repo_allowlist.json");
        String valid = Files.readString(file);
        try {
            Files.writeString(file, "{\"repos\": {\"x\": {\"url\": \"https://user:pw@example.org/x.git\"}}}");
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'allowlists' }.data.'repo_allowlist.json'", containsString("$.repos.x.url"));
            api().body(body("orb_doctor", "plain", Map.of())).when().post("/jobs").then().statusCode(503)
                    .body("title", equalTo("config invalid"));
        } finally {
            Files.writeString(file, valid);
        }
        // the first probe re-reads the file; the platform's config check may still show the last outcome
        given().when().get("/q/health/ready");
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
