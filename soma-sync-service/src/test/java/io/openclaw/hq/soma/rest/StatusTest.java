package io.openclaw.hq.soma.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.soma.service.SomaRuns;
import io.openclaw.hq.soma.support.Api;
import io.openclaw.hq.testing.Contracts;
import io.openclaw.hq.soma.support.KajabiFake;
import io.openclaw.hq.soma.support.Libraries;
import io.openclaw.hq.soma.support.SomaCanaries;
import io.openclaw.hq.soma.support.SomaTestResources;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SomaTestResources
class StatusTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    SomaRuns runs;

    @BeforeEach
    void kajabiAndNotify() {
        wireMock.resetAll();
        wireMock.stubFor(post(urlPathEqualTo("/alerts")).willReturn(aResponse().withStatus(200).withBody("{}")));
        KajabiFake kajabi = new KajabiFake(wireMock, 2);
        kajabi.token("kj-token-status123456", 3600);
        kajabi.product("prod-home", Libraries.parse("home", "sh1:Basics=shl1:Intro,shl2:Breath"));
        kajabi.product("prod-prac", Libraries.parse("practitioner", "sp1:Basics=spl1:Intro Renamed,spl2:Breath"));
    }

    private static String accepted(String name, String path, String body) {
        Response answer = Api.call().body(body).post(path);
        assertThat(answer.statusCode()).isEqualTo(202);
        Contracts.record("soma-sync-service", name, "POST", path, 202, answer.asString());
        String runId = answer.jsonPath().getString("runId");
        assertThat(answer.jsonPath().getString("run.id")).isEqualTo(runId);
        assertThat(answer.jsonPath().getString("run.status")).isEqualTo("running");
        return runId;
    }

    @Test
    void statusShowsEveryWorkflowTheProductsAndMaskedCredentialsAndTheContractsAreRecorded() {
        Api.awaitRun(accepted("snapshot-accepted", "/soma/snapshot", "{\"product\":\"Home User Library\"}"));
        Api.awaitRun(accepted("snapshot-practitioner-accepted", "/soma/snapshot", "{\"product\":\"Practitioner Library\"}"));
        Api.awaitRun(accepted("harvest-accepted", "/soma/harvest", "{}"));
        String mirrorRun = accepted("mirror-accepted", "/soma/mirror", "{}");
        Api.awaitRun(mirrorRun);
        wireMock.stubFor(KajabiFake.lessonsPage("c-home", 1).atPriority(1).willReturn(aResponse().withStatus(503)));
        JsonPath failed = Api.run("/soma/snapshot", "{\"product\":\"home\"}");

        Response status = Api.call().get("/soma/status");
        assertThat(status.statusCode()).isEqualTo(200);
        Contracts.record("soma-sync-service", "status", "GET", "/soma/status", 200, status.asString());
        JsonPath s = status.jsonPath();
        assertThat(s.getBoolean("configValid")).isTrue();
        assertThat(s.getList("workflows.action")).containsExactly("soma_snapshot_home", "soma_snapshot_practitioner",
                "soma_harvest", "soma_mirror", "soma_nightly");
        assertThat(s.getString("workflows.find { it.action == 'soma_snapshot_home' }.lastRun.status")).isEqualTo("failure");
        assertThat(s.getString("workflows.find { it.action == 'soma_snapshot_home' }.lastSuccess.status")).isEqualTo("success");
        assertThat(s.getString("workflows.find { it.action == 'soma_mirror' }.lastRun.status")).isEqualTo("success");
        assertThat(s.getInt("products.find { it.slug == 'practitioner' }.counts.lessons")).isEqualTo(2);
        // the latest artifacts HQ links to: the files of the last success, relative to the artifact root
        assertThat(s.getList("workflows.find { it.action == 'soma_mirror' }.lastSuccess.artifacts", String.class))
                .containsExactlyInAnyOrder("soma/" + mirrorRun + "/run.json", "soma/" + mirrorRun + "/output.log",
                        "soma/" + mirrorRun + "/mirror_report.json", "soma/" + mirrorRun + "/changelog.md");
        assertThat(s.getList("workflows.find { it.action == 'soma_snapshot_home' }.lastRun.artifacts", String.class))
                .as("a failed snapshot wrote no product").noneMatch(a -> a.endsWith("snapshot.json"));
        assertThat(s.getList("credentials.name")).containsExactly("KAJABI_CLIENT_ID", "KAJABI_CLIENT_SECRET", "GMAIL_USER",
                "GMAIL_APP_PASSWORD", "KAJABI_SESSION_TOKEN");
        assertThat(s.getList("credentials.present", Boolean.class)).containsOnly(true);
        assertThat(s.getList("credentials.fingerprint", String.class)).allMatch(f -> f.startsWith("sha256:"));
        assertThat(s.getString("credentials.find { it.name == 'KAJABI_CLIENT_SECRET' }.masked")).isEqualTo("…e1d2");
        assertThat(SomaCanaries.leaksIn(status.asString())).isEmpty();
        assertThat(s.getString("schedule.cron")).isEqualTo("0 0 3 1 1 ? 2099");
        assertThat(s.getBoolean("schedule.active")).isTrue();
        assertThat(s.getString("schedule.nextRun")).startsWith("2099-01-01");
        assertThat(s.getLong("artifacts.capBytes")).isEqualTo(1024 * 1024);

        Response errors = Api.call().get("/soma/errors?limit=5");
        assertThat(errors.statusCode()).isEqualTo(200);
        Contracts.record("soma-sync-service", "errors", "GET", "/soma/errors?limit=5", 200, errors.asString());
        assertThat(errors.jsonPath().getString("[0].runId")).isEqualTo(failed.getString("id"));
        assertThat(errors.jsonPath().getString("[0].error")).contains("HTTP 503");
        assertThat(errors.jsonPath().getList("$")).hasSizeLessThanOrEqualTo(5);

        Response mirror = Api.call().get("/soma/mirror/latest");
        assertThat(mirror.statusCode()).as(mirror.asString()).isEqualTo(200);
        Contracts.record("soma-sync-service", "mirror-latest", "GET", "/soma/mirror/latest", 200, mirror.asString());
        assertThat(mirror.jsonPath().getString("runId")).isEqualTo(mirrorRun);
        assertThat(mirror.jsonPath().getInt("report.counts.title_mismatch")).isEqualTo(1);
        assertThat(mirror.jsonPath().getString("report.findings[0].kind")).isEqualTo("title_mismatch");
        assertThat(mirror.jsonPath().getString("report.findings[0].source.title")).isEqualTo("Intro");
        assertThat(mirror.jsonPath().getString("report.findings[0].target.title")).isEqualTo("Intro Renamed");

        Response changes = Api.call().get("/soma/changes/latest?product=practitioner");
        assertThat(changes.statusCode()).as(changes.asString()).isEqualTo(200);
        Contracts.record("soma-sync-service", "changes-latest", "GET", "/soma/changes/latest?product=practitioner", 200,
                changes.asString());
        assertThat(changes.jsonPath().getString("runId"))
                .isEqualTo(s.getString("products.find { it.slug == 'practitioner' }.lastGoodRunId"));
        assertThat(changes.jsonPath().getString("summary")).isNotBlank();
        assertThat(changes.jsonPath().getList("changes.added")).isNotNull();

        Api.call().get("/soma/changes/latest?product=nope").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.startsWith("unknown product 'nope': one of 'Home User Library' (home)"));
        Api.call().get("/soma/changes/latest").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.startsWith("product is required"));
    }

    @Test
    void passingTheSizeCapWarnsOnTheRunInStatusAndThroughNotify() throws Exception {
        Path padding = TestSecretsResource.artifactRoot().resolve("soma/padding-for-size-cap/filler.bin");
        Files.createDirectories(padding.getParent());
        Files.write(padding, new byte[2 * 1024 * 1024]);
        try {
            JsonPath run = Api.run("/soma/snapshot", "{\"product\":\"home\"}");
            assertThat(run.getList("warnings", String.class)).anyMatch(w -> w.startsWith("SIZE_CAP: soma artifacts take"));
            assertThat(Api.call().get("/soma/status").jsonPath().getList("warnings", String.class))
                    .anyMatch(w -> w.startsWith("SIZE_CAP"));
            wireMock.verify(postRequestedFor(urlPathEqualTo("/alerts"))
                    .withRequestBody(matchingJsonPath("$.checkId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("soma.size_cap")))
                    .withRequestBody(matchingJsonPath("$.status", com.github.tomakehurst.wiremock.client.WireMock.equalTo("WARN"))));
        } finally {
            Files.delete(padding);
            Files.delete(padding.getParent());
        }
        Api.run("/soma/snapshot", "{\"product\":\"home\"}");
        wireMock.verify(postRequestedFor(urlPathEqualTo("/alerts"))
                .withRequestBody(matchingJsonPath("$.checkId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("soma.size_cap")))
                .withRequestBody(matchingJsonPath("$.status", com.github.tomakehurst.wiremock.client.WireMock.equalTo("OK"))));
    }

    @Test
    void retentionKeepsTheLastRunsPerWorkflowAndAlwaysTheLastGoodSnapshot() {
        String good = Api.run("/soma/snapshot", "{\"product\":\"practitioner\"}").getString("id");
        wireMock.stubFor(KajabiFake.lessonsPage("c-practitioner", 1).atPriority(1).willReturn(aResponse().withStatus(500)));
        List<String> failedRuns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            failedRuns.add(Api.run("/soma/snapshot", "{\"product\":\"practitioner\"}").getString("id"));
        }
        Path root = TestSecretsResource.artifactRoot().resolve("soma");
        assertThat(root.resolve(good + "/snapshot.json")).exists();
        assertThat(root.resolve(failedRuns.get(0))).doesNotExist();
        for (String kept : failedRuns.subList(1, 4)) {
            assertThat(root.resolve(kept + "/run.json")).exists();
        }
        Api.call().get("/soma/status").then()
                .body("products.find { it.slug == 'practitioner' }.lastGoodRunId", org.hamcrest.Matchers.is(good));
    }

    @Test
    void theNightlyRunsEachConfiguredWorkflowAsAChildOfOneTimerRun() {
        String parent = runs.nightly(Caller.timer()).runId();
        JsonPath nightly = Api.awaitRun(parent);
        assertThat(nightly.getString("status")).as(nightly.prettify()).isEqualTo("success");
        assertThat(nightly.getString("trigger")).isEqualTo("timer");
        assertThat(nightly.getString("summary")).isEqualTo("nightly: 4 step(s) succeeded");
        List<String> children = Api.call().get("/runs?limit=20").jsonPath().getList("findAll { it.parentRunId == '" + parent + "' }.action");
        assertThat(children).containsExactlyInAnyOrder("soma_snapshot_home", "soma_snapshot_practitioner", "soma_harvest",
                "soma_mirror");
    }
}
