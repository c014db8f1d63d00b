package io.openclaw.hq.gateway.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Replay;
import io.openclaw.hq.gateway.Stubs;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jobs page against runner-service's recorded answers (contracts/runner-service): the form is
 * built from the allowlist and nothing off it reaches runner-service; a submission names who asked
 * and how; the queue, a job's badges, changed files and artifacts; a runner that is down is said.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class JobsPageTest {

    static final String RUNNER = Stubs.RUNNER;
    private final WireMockServer wm = BackendsWireMockResource.server();
    private Hq hq;
    private JsonNode recorded;

    @BeforeEach
    void runnerUp() {
        Stubs.allUp(wm);
        Stubs.replay(wm, RUNNER + "/jobs/allowlist", "runner-service", "jobs-allowlist");
        Stubs.replay(wm, RUNNER + "/jobs", "runner-service", "jobs");
        recorded = Replay.json("runner-service", "job");
        hq = Hq.login();
    }

    @Test
    void theFormOffersExactlyTheAllowlistAndTheQueueShowsPositionAndWait() {
        ObjectNode queued = job(recorded, "job-20261202T050000Z-0000aaaa", "queued");
        queued.put("queuePosition", 2).putNull("runId").putNull("startedAt").putNull("invariants");
        ObjectNode running = job(recorded, "job-20261202T045900Z-0000bbbb", "running");
        running.putNull("invariants");
        ArrayNode list = JsonNodeFactory.instance.arrayNode().add(queued).add(running).add(recorded);
        wm.stubFor(get(urlPathEqualTo(RUNNER + "/jobs")).willReturn(okJson(list.toString())));

        String page = hq.page().get("/jobs").then().statusCode(200).extract().asString();
        JsonNode allowlist = Replay.json("runner-service", "jobs-allowlist");
        for (JsonNode type : allowlist.path("jobTypes")) {
            assertThat(page).contains("data-job-type=\"" + type.path("jobType").asText() + "\"");
            type.path("params").forEach(p -> assertThat(page).contains("name=\"param." + p.path("name").asText() + "\""));
        }
        allowlist.path("repos").forEach(r -> assertThat(page).contains("<option value=\"" + r.path("name").asText() + "\""));
        assertThat(page).contains("href=\"/jobs\" class=\"active\"");
        String queue = section(page, "job-queue");
        assertThat(queue).contains("job-20261202T050000Z-0000aaaa", "#2", "so far", "job-20261202T045900Z-0000bbbb")
                .doesNotContain(recorded.path("id").asText());
        // running first, then the queued job by its position
        assertThat(queue.indexOf("0000bbbb")).isLessThan(queue.indexOf("0000aaaa"));
        assertThat(section(page, "job-recent")).contains(recorded.path("id").asText());
    }

    @Test
    void anAllowlistedJobIsHandedOverWithWhoAskedAndOpensItsPage() {
        wm.stubFor(post(urlPathEqualTo(RUNNER + "/jobs")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(Replay.body("runner-service", "post-jobs"))));
        String jobId = Replay.json("runner-service", "post-jobs").path("jobId").asText();

        Response answer = hq.post().contentType("application/x-www-form-urlencoded").formParam("jobType", "orb_review_bundle")
                .formParam("repo", "plain").formParam("sha", "").formParam("param.SINCE_SHA", "a02b3972e4b4")
                .formParam("param.FORCE_SIZE_CAP", "").post("/jobs");
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.header("HX-Redirect")).isEqualTo("/jobs/" + jobId);

        wm.verify(1, postRequestedFor(urlPathEqualTo(RUNNER + "/jobs"))
                .withHeader("X-HQ-Trigger", equalTo("web"))
                .withHeader("X-HQ-Actor", equalTo(actor()))
                .withRequestBody(equalToJson("{\"jobType\":\"orb_review_bundle\",\"repo\":\"plain\","
                        + "\"params\":{\"SINCE_SHA\":\"a02b3972e4b4\"}}")));
        List<String> audit = Hq.api().get("/api/audit?limit=2").jsonPath().getList("detail");
        assertThat(audit).anySatisfy(d -> assertThat(d).contains("queued as " + jobId));
        assertThat(audit).anySatisfy(d -> assertThat(d).contains("orb_review_bundle on plain → runner-service via web"));
    }

    @Test
    void anythingOffTheAllowlistIsRefusedBeforeRunnerServiceIsCalled() {
        assertRefused(form("jobType", "rm_rf", "repo", "plain"), "unknown jobType 'rm_rf'");
        assertRefused(form("jobType", "orb_doctor", "repo", "somebody-elses"), "unknown repo 'somebody-elses'");
        assertRefused(form("jobType", "orb_doctor", "repo", "plain", "param.PATH", "/tmp"),
                "job type 'orb_doctor' takes no param 'PATH'");
        assertRefused(form("jobType", "orb_review_bundle", "repo", "plain"), "needs SINCE_SHA");
        assertRefused(form("jobType", "orb_doctor", "repo", "plain", "sha", "HEAD;rm"), "sha must be 7 to 40");
        assertRefused(form("jobType", "orb_doctor", "repo", "plain", "url", "file:///etc"), "unknown field 'url'");
        // a value failing its pattern is named by the pattern, never echoed
        String body = assertRefused(form("jobType", "orb_score_run", "repo", "plain", "param.RUN_DIR", "../../etc/$(id)"),
                "param RUN_DIR does not match");
        assertThat(body).doesNotContain("$(id)", "../../etc");
        wm.verify(0, postRequestedFor(urlPathEqualTo(RUNNER + "/jobs")));
        assertThat(Hq.api().get("/api/audit?limit=1").jsonPath().getString("[0].detail"))
                .contains("param RUN_DIR does not match");
    }

    @Test
    void aSubmissionWithoutTheCsrfTokenIsRefused() {
        hq.page().header("Origin", Hq.origin()).contentType("application/x-www-form-urlencoded")
                .formParam("jobType", "orb_doctor").formParam("repo", "plain").post("/jobs").then().statusCode(403);
        wm.verify(0, postRequestedFor(urlPathEqualTo(RUNNER + "/jobs")));
    }

    @Test
    void runnerServiceRefusalsArePassedOnAndItsAbsenceFailsClosed() {
        wm.stubFor(post(urlPathEqualTo(RUNNER + "/jobs")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":429,\"title\":\"queue full\",\"detail\":\"100 jobs are waiting\"}")));
        assertThat(submitDoctor().then().statusCode(429).extract().asString()).contains("100 jobs are waiting");

        wm.stubFor(get(urlPathEqualTo(RUNNER + "/jobs/allowlist"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(urlPathEqualTo(RUNNER + "/jobs")).willReturn(aResponse().withStatus(500)));
        String refused = text(submitDoctor().then().statusCode(503).extract().asString());
        assertThat(refused).contains("cannot check the job against runner-service's allowlist");
        wm.verify(1, postRequestedFor(urlPathEqualTo(RUNNER + "/jobs")));

        String page = hq.page().get("/jobs").then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"runner-unavailable\"", "runner-service unavailable", "id=\"jobs-unavailable\"")
                .doesNotContain("class=\"job-form\"");
        assertThat(hq.page().get("/jobs/" + recorded.path("id").asText()).statusCode()).isEqualTo(503);
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void aFinishedJobShowsItsBadgesArtifactsAndOutput() {
        String id = recorded.path("id").asText();
        String runId = recorded.path("runId").asText();
        wm.stubFor(get(urlPathEqualTo(RUNNER + "/jobs/" + id)).willReturn(okJson(recorded.toString())));
        ObjectNode artifacts = (ObjectNode) Replay.json("runner-service", "job-artifacts").deepCopy();
        ((ArrayNode) artifacts.with("artifact").withArray("warnings")).add("SIZE_CAP_EXCEEDED");
        wm.stubFor(get(urlPathEqualTo(RUNNER + "/jobs/" + id + "/artifacts")).willReturn(okJson(artifacts.toString())));
        wm.stubFor(get(urlPathEqualTo(RUNNER + "/runs/" + runId + "/log")).willReturn(okJson(
                "{\"runId\":\"" + runId + "\",\"after\":0,\"next\":2,\"lines\":[\"mirror fetched\",\"bundle written\"],"
                        + "\"finished\":true}")));

        String page = hq.page().get("/jobs/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("data-badge=\"read_only_ok\"", "read_only_ok ✓", "clean_tree_ok ✓",
                "class=\"badge badge-warn\" data-badge=\"SIZE_CAP_EXCEEDED\"", "mirror fetched", "bundle written",
                recorded.path("sha").asText(), "/timeline/runner-service/" + runId)
                .doesNotContain("hx-get=\"/timeline/runner-service/");
        for (JsonNode file : artifacts.path("files")) {
            assertThat(page).contains("href=\"/artifacts/" + file.path("path").asText() + "\"");
        }
    }

    @Test
    void aMutatedJobShowsWhatItChanged() {
        ObjectNode mutated = job(recorded, "job-20261202T051000Z-0000cccc", "mutation_detected");
        mutated.put("errorClass", "MUTATION_DETECTED").put("error", "the worktree changed: M README.md");
        mutated.putArray("changedFiles").add("M README.md").add("?? new.txt");
        mutated.putObject("invariants").put("readOnlyOk", true).put("cleanTreeOk", false);
        wm.stubFor(get(urlPathEqualTo(RUNNER + "/jobs/" + mutated.path("id").asText())).willReturn(okJson(mutated.toString())));
        wm.stubFor(get(urlPathEqualTo(RUNNER + "/jobs/" + mutated.path("id").asText() + "/artifacts"))
                .willReturn(aResponse().withStatus(404)));

        String page = hq.page().get("/jobs/" + mutated.path("id").asText()).then().statusCode(200).extract().asString();
        assertThat(section(page, "job-changed-files")).contains("M README.md", "?? new.txt");
        assertThat(page).contains("clean_tree_ok ✗", "badge-bad", "MUTATION_DETECTED", "Artifacts unavailable");
    }

    @Test
    void aQueuedJobWatchesItsStatusAndAMissingJobIs404() {
        ObjectNode queued = job(recorded, "job-20261202T052000Z-0000dddd", "queued");
        queued.put("queuePosition", 1).putNull("runId").putNull("invariants");
        String path = "/jobs/" + queued.path("id").asText();
        wm.stubFor(get(urlPathEqualTo(RUNNER + path)).willReturn(okJson(queued.toString())));
        String page = hq.page().get(path).then().statusCode(200).extract().asString();
        assertThat(page).contains("hx-get=\"" + path + "/watch?status=queued\"", "position 1", "not started");
        hq.page().get(path + "/watch?status=queued").then().statusCode(204);
        hq.page().get(path + "/watch?status=running").then().statusCode(200).header("HX-Refresh", "true");

        wm.stubFor(get(urlPathEqualTo(RUNNER + "/jobs/job-20261202T052000Z-0000eeee")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"title\":\"not found\",\"detail\":\"no job\"}")));
        hq.page().get("/jobs/job-20261202T052000Z-0000eeee").then().statusCode(404);
        hq.page().get("/jobs/not-a-job").then().statusCode(400);
    }

    @Test
    void aProjectCardShowsTheLatestJobsOfItsRepositories() {
        String fragment = hq.page().get("/jobs/project/clip_factory_monitoring").then().statusCode(200).extract().asString();
        assertThat(fragment).contains("<h3>plain</h3>", recorded.path("id").asText(), "status-ok")
                .doesNotContain("<h3>other</h3>");
        wm.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(RUNNER + "/jobs"))
                .withQueryParam("repo", equalTo("plain")));
        assertThat(hq.page().get("/projects").then().statusCode(200).extract().asString())
                .contains("hx-get=\"/jobs/project/clip_factory_monitoring\"", "hx-get=\"/jobs/project/music_pipeline\"")
                .doesNotContain("hx-get=\"/jobs/project/infra_openclaw\"");
    }

    private Response submitDoctor() {
        return hq.post().contentType("application/x-www-form-urlencoded").formParam("jobType", "orb_doctor")
                .formParam("repo", "plain").post("/jobs");
    }

    private String assertRefused(List<String> fields, String expected) {
        var request = hq.post().contentType("application/x-www-form-urlencoded");
        for (int i = 0; i < fields.size(); i += 2) {
            request = request.formParam(fields.get(i), fields.get(i + 1));
        }
        String body = text(request.post("/jobs").then().statusCode(400).extract().asString());
        assertThat(body).contains("id=\"submit-refused\"", expected);
        return body;
    }

    /** The page's text with HTML escapes undone, to compare with messages. */
    private static String text(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static List<String> form(String... pairs) {
        return List.of(pairs);
    }

    private String actor() {
        // the session's fingerprint, as the page's header shows it
        String page = hq.page().get("/jobs").asString();
        int at = page.indexOf("title=\"actor\">");
        return page.substring(at + "title=\"actor\">".length(), page.indexOf('<', at + 1));
    }

    private static ObjectNode job(JsonNode template, String id, String status) {
        ObjectNode job = template.deepCopy();
        return job.put("id", id).put("status", status);
    }

    /** From the element with {@code id} to the end of its section (or list, for a list). */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element #%s", id).isNotNegative();
        int end = page.indexOf(id.endsWith("files") ? "</ul>" : "</section>", start);
        return page.substring(start, end);
    }
}
