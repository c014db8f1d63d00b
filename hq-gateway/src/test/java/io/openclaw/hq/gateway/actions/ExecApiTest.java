package io.openclaw.hq.gateway.actions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Replay;
import io.openclaw.hq.gateway.Stubs;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class ExecApiTest {

    private final WireMockServer wm = BackendsWireMockResource.server();

    @BeforeEach
    void backends() {
        Stubs.allUp(wm);
    }

    @Test
    void doctorIsAcceptedOnceRecordedAndNamesWhoAskedAndHow() {
        Stubs.accepts(wm, Stubs.DOCTOR + "/doctor/run", "20260216T110000Z-ccc001", "doctor-service", "doctor");
        Hq.api().contentType("application/json").body("{\"action\":\"doctor\",\"params\":{}}").post("/api/exec")
                .then().statusCode(202).body("action", is("doctor")).body("service", is("doctor-service"))
                .body("runId", is("20260216T110000Z-ccc001")).body("result.run.status", is("running"));
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.DOCTOR + "/doctor/run"))
                .withHeader("X-HQ-Internal-Token", equalTo(CanarySecrets.INTERNAL_TOKEN))
                .withHeader("X-HQ-Trigger", equalTo("api"))
                .withHeader("X-HQ-Actor", matching("sha256:[0-9a-f]+")));
        // the endpoint takes no body and refuses one
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(Stubs.DOCTOR + "/doctor/run"))).get(0).getBody()).isEmpty();
        List<String> details = Hq.api().get("/api/audit?limit=4").jsonPath().getList("detail");
        assertThat(details).anyMatch(d -> d.startsWith("doctor → doctor-service run 20260216T110000Z-ccc001")
                && d.contains("/timeline/doctor-service/20260216T110000Z-ccc001") && d.contains("via api"));
        assertThat(details).anyMatch(d -> d.startsWith("doctor → doctor-service via api as sha256:"));
    }

    @Test
    void aButtonIsTriggerWebWithTheSessionsFingerprint() {
        Stubs.accepts(wm, Stubs.DOCTOR + "/guard/run", "20260216T110000Z-ccc003", "doctor-service", "guard");
        Hq hq = Hq.login();
        hq.post().header("HX-Request", "true").post("/actions/guard").then().statusCode(200)
                .header("HX-Redirect", "/timeline/doctor-service/20260216T110000Z-ccc003");
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.DOCTOR + "/guard/run"))
                .withHeader("X-HQ-Trigger", equalTo("web")).withHeader("X-HQ-Actor", matching("sha256:[0-9a-f]+")));
    }

    @Test
    void applyHealsWithModeApply() {
        Stubs.accepts(wm, Stubs.DOCTOR + "/heal", "20260216T110000Z-ccc002", "doctor-service", "apply");
        Hq.api().contentType("application/json").body("{\"action\":\"apply\"}").post("/api/exec").then().statusCode(202)
                .body("runId", is("20260216T110000Z-ccc002"));
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.DOCTOR + "/heal")).withRequestBody(equalToJson("{\"mode\":\"apply\"}")));
    }

    /** A guard run takes seconds to be accepted: longer than a panel read may take, and it is not a failure. */
    @Test
    void aSlowActionIsNotShownFailedAndNeverOpensThePanelBreaker() {
        wm.stubFor(post(urlPathEqualTo(Stubs.DOCTOR + "/guard/run")).willReturn(aResponse().withStatus(202)
                .withFixedDelay(1_600).withHeader("Content-Type", "application/json")
                .withBody(Replay.body("doctor-service", "doctor-run"))));
        for (int i = 0; i < 4; i++) {
            Hq.api().contentType("application/json").body("{\"action\":\"guard\"}").post("/api/exec")
                    .then().statusCode(202).body("runId", notNullValue());
        }
        assertThat(CircuitBreakerMaintenance.get().currentState("doctor-service")).isEqualTo(CircuitBreakerState.CLOSED);
        Hq.api().get("/api/runs?service=hq-gateway&status=failure").then().statusCode(200)
                .body("runs.findAll { it.action == 'guard' }.size()", is(0));
    }

    @Test
    void anAcceptanceWithoutARunIdIsNotTakenForSuccess() {
        wm.stubFor(post(urlPathEqualTo(Stubs.LLM + "/v1/doctor")).willReturn(okJson("{\"state\":\"DOWN\"}")));
        Hq.api().contentType("application/json").body("{\"action\":\"llm_doctor\"}").post("/api/exec")
                .then().statusCode(503).body("detail", containsString("without naming its run"));
    }

    @Test
    void journalPassesItsOneParam() {
        Hq.api().contentType("application/json").body("{\"action\":\"journal\",\"params\":{\"lines\":50}}").post("/api/exec")
                .then().statusCode(200)
                .body("result.lines.size()", is(Replay.json("doctor-service", "guard-log").path("lines").size()))
                // times as ISO-8601 text, as the service sent them (not epoch numbers)
                .body("result.entries[0].at", startsWith(Replay.json("doctor-service", "guard-log").path("entries").get(0)
                        .path("at").asText().substring(0, 19)));
        wm.verify(1, getRequestedFor(urlPathEqualTo(Stubs.DOCTOR + "/guard/log")).withQueryParam("lines", equalTo("50")));
    }

    @Test
    void artifactsIsAnsweredByTheGatewayItself() {
        Hq.api().contentType("application/json").body("{\"action\":\"artifacts\"}").post("/api/exec")
                .then().statusCode(200).body("service", is("hq-gateway")).body("result.areas", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void unknownActionIs400AndAudited() {
        Hq.api().contentType("application/json").body("{\"action\":\"rm_rf\"}").post("/api/exec")
                .then().statusCode(400).body("detail", containsString("unknown action 'rm_rf'"));
        assertThat(Hq.api().get("/api/audit?limit=1").jsonPath().getString("[0].detail")).contains("unknown action 'rm_rf'");
    }

    @Test
    void unknownFieldIs400() {
        Hq.api().contentType("application/json").body("{\"action\":\"doctor\",\"command\":\"id\"}").post("/api/exec")
                .then().statusCode(400).body("detail", containsString("unknown field 'command'"));
    }

    @Test
    void unknownParamIs400() {
        Hq.api().contentType("application/json").body("{\"action\":\"doctor\",\"params\":{\"host\":\"x\"}}").post("/api/exec")
                .then().statusCode(400).body("detail", containsString("takes no param 'host'"));
        Hq.api().contentType("application/json").body("{\"action\":\"journal\",\"params\":{\"lines\":100000}}")
                .post("/api/exec").then().statusCode(400).body("detail", containsString("params.lines"));
    }

    @Test
    void missingActionAndMalformedJsonAre400() {
        Hq.api().contentType("application/json").body("{}").post("/api/exec").then().statusCode(400);
        Hq.api().contentType("application/json").body("{\"action\":").post("/api/exec").then().statusCode(400);
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String big = "{\"action\":\"doctor\",\"params\":{\"pad\":\"" + "x".repeat(1_100_000) + "\"}}";
        Hq.api().contentType("application/json").body(big).post("/api/exec").then().statusCode(413);
    }

    @Test
    void lockedResourceIs409WithTheHoldersRunIdAndAGatewayRun() {
        wm.stubFor(post(urlPathEqualTo(Stubs.DOCTOR + "/heal")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":409,\"title\":\"locked\",\"detail\":\"host:vps is held\",\"runId\":\"20260216T105900Z-holder\"}")));
        JsonPath problem = Hq.api().contentType("application/json").body("{\"action\":\"apply\"}").post("/api/exec")
                .then().statusCode(409).body("title", is("locked")).body("runId", is("20260216T105900Z-holder"))
                .extract().jsonPath();
        String gatewayRun = problem.getString("detail").replaceAll(".*gateway run ([A-Za-z0-9_-]+)\\).*", "$1");
        Hq.api().get("/api/runs/" + gatewayRun + "?service=hq-gateway").then().statusCode(200)
                .body("status", is("refused")).body("action", is("apply")).body("trigger", is("api"))
                .body("project", is("infra_openclaw"));
    }

    /** platform RunLauncher's answer when its pool of runs is full, exactly as the services send it. */
    static final String TOO_MANY_RUNS = "{\"status\":429,\"title\":\"too many runs\","
            + "\"detail\":\"16 runs are already in progress; run 20261202T061500Z-refused was refused\"}";

    private void llmRouterBusy(String retryAfter) {
        var answer = aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody(TOO_MANY_RUNS);
        if (retryAfter != null) {
            answer = answer.withHeader("Retry-After", retryAfter);
        }
        wm.stubFor(post(urlPathEqualTo(Stubs.LLM + "/v1/doctor")).willReturn(answer));
    }

    @Test
    void aBusyBackendsTooManyRunsIs429WithItsReasonAndRetryAfterNotA502() {
        llmRouterBusy("30");
        io.restassured.response.Response answer = Hq.api().contentType("application/json")
                .body("{\"action\":\"llm_doctor\"}").post("/api/exec");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("30");
        JsonPath problem = answer.jsonPath();
        assertThat(problem.getString("title")).isEqualTo("too many runs");
        assertThat(problem.getString("detail")).contains("llm-router-service answered 429: 16 runs are already in progress")
                .contains("try again in 30 s");
        Hq.api().get("/api/runs/" + problem.getString("runId") + "?service=hq-gateway").then().statusCode(200)
                .body("status", is("refused")).body("action", is("llm_doctor"));
    }

    @Test
    void aBusyBackendWithoutRetryAfterIs429WithoutOne() {
        llmRouterBusy(null);
        io.restassured.response.Response answer = Hq.api().contentType("application/json")
                .body("{\"action\":\"llm_doctor\"}").post("/api/exec");
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isNull();
        assertThat(answer.jsonPath().getString("detail")).contains("16 runs are already in progress")
                .contains("when one of its runs has ended");
    }

    @Test
    void aBackendsRetryAfterThatIsNeitherSecondsNorADateIsNotPassedOn() {
        llmRouterBusy("soon<script>");
        io.restassured.response.Response answer = Hq.api().contentType("application/json")
                .body("{\"action\":\"llm_doctor\"}").post("/api/exec");
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isNull();
        assertThat(answer.asString()).doesNotContain("script");
    }

    @Test
    void theActionsPageSaysBusyWithTheReasonAndLockedWithTheHolder() {
        Hq hq = Hq.login();
        llmRouterBusy("30");
        String busy = hq.post().header("HX-Request", "true").post("/actions/llm_doctor").then().statusCode(200)
                .extract().asString();
        assertThat(busy).contains("did not start: too many runs (429).").contains("16 runs are already in progress")
                .contains("again in 30 s.").doesNotContain("(502)");
        wm.stubFor(post(urlPathEqualTo(Stubs.DOCTOR + "/heal")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":409,\"title\":\"locked\",\"detail\":\"host:vps is held\",\"runId\":\"20260216T105900Z-holder\"}")));
        String locked = hq.post().header("HX-Request", "true").post("/actions/apply").then().statusCode(200)
                .extract().asString();
        assertThat(locked).contains("did not start: locked (409).").contains("held by run 20260216T105900Z-holder");
    }

    @Test
    void downServiceBecomesAFailedGatewayRun() {
        Stubs.down(wm, Stubs.SOMA);
        JsonPath problem = Hq.api().contentType("application/json").body("{\"action\":\"soma_harvest\"}").post("/api/exec")
                .then().statusCode(503).body("detail", containsString("soma-sync-service unavailable")).extract().jsonPath();
        String runId = problem.getString("runId");
        Hq.api().get("/api/runs/" + runId).then().statusCode(200).body("service", is("hq-gateway"))
                .body("status", is("failure")).body("error", containsString("unavailable"));
        Hq.api().get("/api/runs/" + runId + "/log?service=hq-gateway").then().statusCode(200)
                .body("lines[0]", containsString("dispatch of 'soma_harvest' to soma-sync-service failed"));
        Hq.api().get("/api/runs?service=hq-gateway&status=failure").then().statusCode(200)
                .body("runs.id", org.hamcrest.Matchers.hasItem(runId));
    }

    @Test
    void aHangingServiceReadTimesOutInAboutASecond() {
        Stubs.hanging(wm, Stubs.DOCTOR);
        long start = System.nanoTime();
        Hq.api().contentType("application/json").body("{\"action\":\"journal\"}").post("/api/exec")
                .then().statusCode(503).body("detail", containsString("no answer in time"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
    }

    @Test
    void endpointTheServiceLacksIsNotImplemented() {
        Hq.api().contentType("application/json").body("{\"action\":\"soma_mirror\"}").post("/api/exec")
                .then().statusCode(501).body("title", is("not implemented"))
                .body("detail", containsString("soma-sync-service does not offer 'soma_mirror'"));
    }

    /** ./hq secrets doctor --host: the gateway passes the credential check through and audits each result. */
    @Test
    void credentialChecksPassThroughToTheOwningServiceAndAreAudited() {
        wm.stubFor(post(urlPathEqualTo(Stubs.NOTIFY + "/providers/pushover/check"))
                .willReturn(okJson(Replay.body("notify-service", "provider-check"))));
        wm.stubFor(post(urlPathEqualTo(Stubs.NOTIFY + "/providers/twilio/check")).willReturn(okJson(
                "{\"provider\":\"twilio\",\"result\":\"PASS\",\"errorClass\":null,\"detail\":\"accepted\"}")));
        wm.stubFor(post(urlPathEqualTo(Stubs.SOMA + "/soma/credentials/check"))
                .willReturn(okJson(Replay.body("soma-sync-service", "credential-check"))));

        Hq.api().contentType("application/json").body("{\"action\":\"notify_credentials\",\"params\":{\"provider\":\"pushover\"}}")
                .post("/api/exec").then().statusCode(200).body("service", is("notify-service"))
                .body("result.size()", is(1)).body("result[0].provider", is("pushover"))
                .body("result[0].result", is("FAIL")).body("result[0].errorClass", is("auth_failed"));
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.NOTIFY + "/providers/pushover/check"))
                .withHeader("X-HQ-Internal-Token", equalTo(CanarySecrets.INTERNAL_TOKEN)));
        wm.verify(0, postRequestedFor(urlPathEqualTo(Stubs.NOTIFY + "/providers/twilio/check")));

        // without a provider, a button on the Actions page: every provider of that service
        Hq.api().contentType("application/json").body("{\"action\":\"notify_credentials\"}").post("/api/exec")
                .then().statusCode(200).body("result.provider", org.hamcrest.Matchers.contains("pushover", "twilio"))
                .body("result[1].result", is("PASS"));

        Hq.api().contentType("application/json").body("{\"action\":\"soma_credentials\",\"params\":{\"provider\":\"kajabi\"}}")
                .post("/api/exec").then().statusCode(200).body("service", is("soma-sync-service"))
                .body("result[0].provider", is("kajabi")).body("result[0].errorClass", is("auth_failed"));
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/credentials/check"))
                .withQueryParam("provider", equalTo("kajabi")));

        List<String> details = Hq.api().get("/api/audit?limit=10").jsonPath().getList("detail");
        assertThat(details).anyMatch(d -> d.equals("notify_credentials → notify-service: pushover FAIL auth_failed"));
        assertThat(details).anyMatch(d -> d.equals("soma_credentials → soma-sync-service: kajabi FAIL auth_failed"));

        // the button on the Actions page: both of the service's providers, each with its result and class
        String page = Hq.login().post().header("HX-Request", "true").post("/actions/notify_credentials").then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("pushover").contains("FAIL auth_failed").contains("twilio").contains("PASS")
                .doesNotContain(CanarySecrets.value("pushover_token"));

        // a provider the service does not own is refused before any call
        Hq.api().contentType("application/json").body("{\"action\":\"soma_credentials\",\"params\":{\"provider\":\"twilio\"}}")
                .post("/api/exec").then().statusCode(400).body("detail", containsString("kajabi, gmail"));
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/credentials/check")));
    }
}
