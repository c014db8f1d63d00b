package io.openclaw.hq.gateway.soma;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Replay;
import io.openclaw.hq.gateway.Stubs;
import io.openclaw.hq.platform.errors.Problem;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Soma page against soma's recorded answers (contracts/soma-sync-service): cards, credentials,
 * artifact links, the mirror diff and the change summary; a button goes through the gateway's
 * action dispatcher (recorded, audited, trigger web) and answers with the run; soma down or a
 * report not there yet is said in words, never a 500.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class SomaPageTest {

    private final WireMockServer wm = BackendsWireMockResource.server();
    private Hq hq;

    @BeforeEach
    void login() {
        Stubs.allUp(wm);
        hq = Hq.login();
    }

    @Test
    void showsEachWorkflowTheCredentialsTheArtifactsTheMirrorDiffAndTheChangeSummary() {
        String page = hq.page().get("/soma").then().statusCode(200).extract().asString();
        JsonNode status = Replay.json("soma-sync-service", "status");
        assertThat(page).contains("<a href=\"/soma\" class=\"active\">Soma</a>");
        // a card per workflow with its last run, linked to the run page
        for (JsonNode w : status.path("workflows")) {
            assertThat(page).contains("data-workflow=\"" + w.path("action").asText() + "\"");
            if (w.path("lastRun").isObject()) {
                assertThat(page).contains("/timeline/soma-sync-service/" + w.path("lastRun").path("runId").asText());
            }
        }
        JsonNode home = status.path("workflows").get(0);
        assertThat(page).contains(html(home.path("lastRun").path("error").asText()));
        // the files of the last success, through the artifact browser
        for (JsonNode artifact : home.path("lastSuccess").path("artifacts")) {
            assertThat(page).contains("href=\"/artifacts/" + artifact.asText() + "\"");
        }
        // credentials masked and fingerprinted, never a value
        for (JsonNode c : status.path("credentials")) {
            assertThat(page).contains(c.path("name").asText(), c.path("fingerprint").asText());
        }
        assertThat(CanarySecrets.leaksIn(page)).isEmpty();
        // the mirror diff as a table: its finding with both sides
        JsonNode mirror = Replay.json("soma-sync-service", "mirror-latest");
        JsonNode finding = mirror.path("report").path("findings").get(0);
        assertThat(page).contains("id=\"mirror-diff\"", "data-kind=\"" + finding.path("kind").asText() + "\"",
                "title mismatch", finding.path("source").path("title").asText(),
                finding.path("target").path("title").asText(), "/timeline/soma-sync-service/" + mirror.path("runId").asText(),
                "href=\"/artifacts/soma/" + mirror.path("runId").asText() + "/mirror_report.json\"");
        // each product's latest change summary
        JsonNode changes = Replay.json("soma-sync-service", "changes-latest");
        assertThat(page).contains("Latest snapshot: " + changes.path("product").asText(), changes.path("summary").asText(),
                changes.path("changes").path("added").get(0).path("title").asText());
        // the four buttons
        assertThat(page).contains("hx-post=\"/soma/actions/soma_snapshot_home\"", "hx-post=\"/soma/actions/soma_snapshot_practitioner\"",
                "hx-post=\"/soma/actions/soma_harvest\"", "hx-post=\"/soma/actions/soma_mirror\"");
    }

    @Test
    void aButtonStartsTheRunThroughTheActionDispatcherAndAnswersWithItsIdAndPage() {
        Stubs.accepts(wm, Stubs.SOMA + "/soma/snapshot", "20260216T160000Z-soma01", "soma-sync-service",
                "soma_snapshot_practitioner");
        String answer = hq.post().post("/soma/actions/soma_snapshot_practitioner").then().statusCode(200).extract().asString();
        assertThat(answer).contains("data-ok=\"true\"", "20260216T160000Z-soma01",
                "href=\"/timeline/soma-sync-service/20260216T160000Z-soma01\"");
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/snapshot"))
                .withHeader("X-HQ-Trigger", equalTo("web")).withHeader("X-HQ-Actor", matching("sha256:[0-9a-f]+"))
                .withRequestBody(matchingJsonPath("$.product", equalTo("Practitioner Library"))));
        List<Map<String, Object>> audit = Hq.api().get("/api/audit?limit=5").jsonPath().getList("$");
        assertThat(audit).anyMatch(e -> "action.outcome".equals(e.get("event"))
                && String.valueOf(e.get("detail")).contains("soma_snapshot_practitioner → soma-sync-service run 20260216T160000Z-soma01")
                && String.valueOf(e.get("detail")).contains("via web"));
    }

    @Test
    void aLockedSomaNamesTheRunInTheWayAndTheFailedDispatchIsAGatewayRun() {
        wm.stubFor(post(urlPathEqualTo(Stubs.SOMA + "/soma/mirror")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody(Stubs.json(
                        new Problem(409, "locked", "soma is held by run 20260216T160500Z-hold01", "20260216T160500Z-hold01", null)))));
        String answer = hq.post().post("/soma/actions/soma_mirror").then().statusCode(200).extract().asString();
        assertThat(answer).contains("data-ok=\"false\"", "href=\"/timeline/soma-sync-service/20260216T160500Z-hold01\"",
                "/timeline/hq-gateway/");
    }

    @Test
    void onlyTheSomaActionsCanBeStartedHere() {
        String answer = hq.post().post("/soma/actions/apply").then().statusCode(200).extract().asString();
        assertThat(answer).contains("data-ok=\"false\"", "&#39;apply&#39; is not a Soma action");
        wm.verify(0, postRequestedFor(urlPathMatching("/doctor-service/.*")));
        // a POST without the page's CSRF token is refused before anything runs
        io.restassured.RestAssured.given().cookie("hq_session", hq.cookie()).header("Origin", Hq.origin())
                .post("/soma/actions/soma_harvest").then().statusCode(403);
        wm.verify(0, postRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/harvest")));
    }

    @Test
    void somaDownIsSaidOnThePageNeverA500() {
        Stubs.down(wm, Stubs.SOMA);
        String page = hq.page().get("/soma").then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"soma-unavailable\"", "soma-sync-service unavailable",
                "hx-post=\"/soma/actions/soma_mirror\"");
        Stubs.hanging(wm, Stubs.SOMA);
        io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.get().resetAll();
        assertThat(hq.page().get("/soma").then().statusCode(200).extract().asString()).contains("id=\"soma-unavailable\"");
    }

    @Test
    void reportsNotThereYetSayWhatToRun() {
        wm.stubFor(get(urlPathEqualTo(Stubs.SOMA + "/soma/mirror/latest")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(Stubs.json(
                        new Problem(404, "not found", "no mirror report yet: run the mirror (soma_mirror)", null, null)))));
        String page = hq.page().get("/soma").then().statusCode(200).extract().asString();
        assertThat(page).contains("no mirror report yet: run the mirror (soma_mirror)").doesNotContain("id=\"mirror-diff\"");
    }

    @Test
    void anAnswerTheContractAllowsButThePageCannotUseIsSaidNotA500() {
        wm.stubFor(get(urlPathEqualTo(Stubs.SOMA + "/soma/mirror/latest")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"runId\":\"x\",\"report\":{\"findings\":[]}}")));
        String page = hq.page().get("/soma").then().statusCode(200).extract().asString();
        assertThat(page).contains("the latest mirror report could not be shown", "data-workflow=\"soma_harvest\"")
                .doesNotContain("id=\"soma-unavailable\"");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
