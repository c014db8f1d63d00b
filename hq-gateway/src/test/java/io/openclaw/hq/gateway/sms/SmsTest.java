package io.openclaw.hq.gateway.sms;

import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Stubs;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class SmsTest {

    static final String PUBLIC_HOST = "aiops-1.example.ts.net";
    static final String URL = "https://" + PUBLIC_HOST + "/api/sms";
    static final String OPERATOR = "+15550001111";
    private static int sender = 0;
    private final WireMockServer wm = BackendsWireMockResource.server();

    @BeforeAll
    static void allowlist() throws Exception {
        // the operator and a few test numbers; each test uses a fresh number so the per-sender limit does not leak
        StringBuilder numbers = new StringBuilder(OPERATOR);
        for (int i = 0; i < 20; i++) {
            numbers.append(",+1555000200").append(i < 10 ? "0" + i : i);
        }
        Files.writeString(TestSecretsResource.secretsDir().resolve("sms_allowlist"), numbers + "\n");
    }

    @jakarta.inject.Inject
    io.openclaw.hq.gateway.audit.UnauthenticatedRefusals refusals;

    @BeforeEach
    void backends() {
        Stubs.allUp(wm);
        // unsigned requests are refusals without credentials: only the first few of a minute are audited in
        // full, and classes sharing this boot may have used this minute's sample (sealed, it starts again)
        refusals.sealBefore(java.time.Instant.now().plus(2, java.time.temporal.ChronoUnit.MINUTES));
    }

    static String nextSender() {
        int i = sender++;
        return "+1555000200" + (i < 10 ? "0" + i : i);
    }

    /** Twilio's signature, computed independently of the gateway: HMAC-SHA1 over URL + sorted params. */
    static String sign(String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(CanarySecrets.value("twilio_auth_token").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static Response sms(String from, String body) throws Exception {
        Map<String, String> params = Map.of("From", from, "Body", body, "MessageSid", "SM0123");
        return io.openclaw.hq.gateway.auth.ClientAddress.viaServe().header("X-Twilio-Signature", sign(URL, params)).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", PUBLIC_HOST).formParams(params).post("/api/sms");
    }

    @Test
    void runSnapshotStartsTheSameActionAsTheButton() throws Exception {
        wm.stubFor(post(urlPathEqualTo(Stubs.SOMA + "/soma/snapshot")).willReturn(okJson("{\"runId\":\"20260216T150000Z-sms001\"}")));
        sms(nextSender(), " run_snapshot ").then().statusCode(200).contentType(containsString("xml"))
                .body(containsString("<Response><Message>OK RUN_SNAPSHOT → soma-sync-service run 20260216T150000Z-sms001"));
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/snapshot")));
        List<Map<String, Object>> audit = Hq.api().get("/api/audit?limit=3").jsonPath().getList("$");
        assertThat(audit).anyMatch(e -> "action.request".equals(e.get("event"))
                && String.valueOf(e.get("detail")).contains("via sms"));
        assertThat(audit.toString()).doesNotContain("+15550002");
    }

    @Test
    void badSignatureIsRefused() throws Exception {
        Map<String, String> params = Map.of("From", OPERATOR, "Body", "STATUS");
        io.openclaw.hq.gateway.auth.ClientAddress.viaServe().header("X-Twilio-Signature", sign(URL, Map.of("From", OPERATOR, "Body", "RUN_MIRROR")))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", PUBLIC_HOST)
                .formParams(params).post("/api/sms").then().statusCode(403);
        // signed for another URL (https, not http): the rebuilt URL does not match
        io.openclaw.hq.gateway.auth.ClientAddress.viaServe().header("X-Twilio-Signature", sign(URL, params)).header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", PUBLIC_HOST).formParams(params).post("/api/sms").then().statusCode(403);
        given().formParams(params).post("/api/sms").then().statusCode(403);
        assertThat(recentAuditDetails()).anyMatch(detail -> detail.contains("missing X-Twilio-Signature"));
    }

    @Test
    void strangersGetNoAnswer() throws Exception {
        sms("+19990000000", "RUN_HARVEST").then().statusCode(200).body(is("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
        wm.verify(0, postRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/harvest")));
        assertThat(recentAuditDetails()).anyMatch(detail -> detail.contains("not on the SMS allowlist"));
    }

    @Test
    void oneCommandAMinutePerSender() throws Exception {
        String from = nextSender();
        sms(from, "STATUS").then().statusCode(200).body(containsString("Soma: "));
        sms(from, "STATUS").then().statusCode(200).body(containsString("One command a minute"));
        sms(nextSender(), "STATUS").then().statusCode(200).body(containsString("Soma: "));
    }

    @Test
    void anythingElseGetsHelp() throws Exception {
        sms(nextSender(), "rm -rf /").then().statusCode(200)
                .body(containsString("OpenClaw HQ commands: STATUS, RUN_SNAPSHOT, RUN_HARVEST, RUN_MIRROR, LAST_ERRORS"));
    }

    /** The three RUN_ commands, each to the endpoint its button calls, recorded there with trigger sms; the reply names the run. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "RUN_SNAPSHOT, /soma/snapshot, snapshot-accepted",
        "RUN_HARVEST,  /soma/harvest,  harvest-accepted",
        "RUN_MIRROR,   /soma/mirror,   mirror-accepted"})
    void everyRunCommandStartsItsSomaRunAndAnswersItsId(String command, String path, String contract) throws Exception {
        String accepted = io.openclaw.hq.gateway.Replay.body("soma-sync-service", contract);
        String runId = io.openclaw.hq.gateway.Replay.json("soma-sync-service", contract).path("runId").asText();
        wm.stubFor(post(urlPathEqualTo(Stubs.SOMA + path)).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody(accepted)));
        sms(nextSender(), command).then().statusCode(200)
                .body(containsString("<Message>OK " + command + " → soma-sync-service run " + runId + "</Message>"));
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.SOMA + path))
                .withHeader("X-HQ-Trigger", com.github.tomakehurst.wiremock.client.WireMock.equalTo("sms"))
                .withHeader("X-HQ-Actor", com.github.tomakehurst.wiremock.client.WireMock.matching("sha256:[0-9a-f]+")));
    }

    @Test
    void statusAnswersEachSomaWorkflowsLastRunFromSomasStatus() throws Exception {
        var status = io.openclaw.hq.gateway.Replay.json("soma-sync-service", "status");
        String home = status.path("workflows").get(0).path("lastRun").path("status").asText();
        String reply = sms(nextSender(), "STATUS").then().statusCode(200).extract().asString();
        assertThat(reply).contains("Soma: snapshot home " + home, "harvest ", "mirror ").doesNotContain("nightly");
        wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/status")));
    }

    @Test
    void lastErrorsAnswersSomasNewestFailedRunsFromSomaErrors() throws Exception {
        var first = io.openclaw.hq.gateway.Replay.json("soma-sync-service", "errors").get(0);
        String reply = sms(nextSender(), "LAST_ERRORS").then().statusCode(200).extract().asString();
        assertThat(reply).contains("<Message>Soma errors: " + first.path("action").asText() + " "
                + first.path("status").asText(), "run " + first.path("runId").asText(),
                first.path("error").asText().substring(0, 20));
        wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/errors"))
                .withQueryParam("limit", com.github.tomakehurst.wiremock.client.WireMock.equalTo("3")));
    }

    @Test
    void lastErrorsWithNoErrorsAndWithSomaDownSaysSo() throws Exception {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(Stubs.SOMA + "/soma/errors"))
                .willReturn(okJson("[]")));
        sms(nextSender(), "LAST_ERRORS").then().statusCode(200).body(containsString("<Message>No Soma errors.</Message>"));
        Stubs.down(wm, Stubs.SOMA);
        sms(nextSender(), "LAST_ERRORS").then().statusCode(200)
                .body(containsString("<Message>FAILED LAST_ERRORS: soma-sync-service unavailable"));
    }

    @Test
    void aDownServiceIsAnsweredAndRecorded() throws Exception {
        Stubs.down(wm, Stubs.SOMA);
        sms(nextSender(), "RUN_HARVEST").then().statusCode(200).body(containsString("FAILED RUN_HARVEST: service unavailable"));
    }

    @Test
    void smsNeedsNoConsoleLoginButOnlyPost() {
        given().get("/api/sms").then().statusCode(401);
    }

    /** The newest audit details: the scheduled SMS poller of this boot may have written one since. */
    private static java.util.List<String> recentAuditDetails() {
        return Hq.api().get("/api/audit?limit=5").jsonPath().getList("detail", String.class);
    }
}
