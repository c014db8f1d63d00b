package io.openclaw.hq.gateway.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Stubs;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbound SMS poller against WireMock standing in for Twilio's Messages list API. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class SmsPollerTest {

    static final String OUR_NUMBER = "+15557770000";
    static final String STRANGER = "+19990000001";
    static final String SID = CanarySecrets.value("twilio_account_sid");
    static final String LIST = "/twilio/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final AtomicInteger MESSAGE = new AtomicInteger();
    private static final AtomicInteger SENDER = new AtomicInteger();

    private final WireMockServer wm = BackendsWireMockResource.server();

    @Inject
    SmsPoller poller;

    @BeforeAll
    static void secrets() throws Exception {
        StringBuilder numbers = new StringBuilder("+15550001111");
        for (int i = 0; i < 40; i++) {
            numbers.append(", +1555000300").append(i < 10 ? "0" + i : i);
        }
        Files.writeString(TestSecretsResource.secretsDir().resolve("sms_allowlist"), numbers + "\n");
        Files.writeString(TestSecretsResource.secretsDir().resolve("twilio_from_number"), OUR_NUMBER + "\n");
    }

    @BeforeEach
    void aHealthyPollerAndQuietTwilio() {
        Stubs.allUp(wm);
        wm.stubFor(post(urlPathEqualTo(Stubs.NOTIFY + "/messages/sms")).willReturn(okJson(
                "{\"runId\":\"20260216T150000Z-sms001\",\"delivery\":{\"channel\":\"sms\",\"outcome\":\"sent\"}}")));
        wm.stubFor(post(urlPathEqualTo(Stubs.NOTIFY + "/alerts")).willReturn(okJson("{\"checkId\":\"x\",\"channels\":[]}")));
        twilioAnswers(200, page(List.of(), null));
        poller.pollOnce();
        assertThat(poller.health().state()).isEqualTo("ok");
        wm.resetRequests();
    }

    /** Twilio's list left empty: the scheduled poller keeps running for the classes that share this boot. */
    @AfterEach
    void quietTwilioForWhoComesNext() {
        twilioAnswers(200, page(List.of(), null));
    }

    static String nextSender() {
        int i = SENDER.getAndIncrement();
        return "+1555000300" + (i < 10 ? "0" + i : i);
    }

    static String message(String sid, String from, String body, Instant sent) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(sent.atOffset(ZoneOffset.UTC)).replace("GMT", "+0000");
        return "{\"sid\":\"" + sid + "\",\"from\":\"" + from + "\",\"to\":\"" + OUR_NUMBER + "\",\"body\":\"" + body
                + "\",\"direction\":\"inbound\",\"status\":\"received\",\"date_sent\":\"" + date + "\",\"date_created\":\""
                + date + "\",\"num_segments\":\"1\",\"price\":null}";
    }

    static String page(List<String> messages, String nextPageUri) {
        return "{\"messages\":[" + String.join(",", messages) + "],\"page\":0,\"page_size\":50,\"next_page_uri\":"
                + (nextPageUri == null ? "null" : "\"" + nextPageUri + "\"") + ",\"uri\":\"" + LIST + "\"}";
    }

    static String sid() {
        return "SM" + String.format("%032d", MESSAGE.incrementAndGet() + System.nanoTime() % 100000 * 1000);
    }

    void twilioAnswers(int status, String body) {
        wm.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("PageToken", absent())
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void readsEveryPageAndHandlesEachMessageAsTheWebhookDid() throws Exception {
        String a = nextSender();
        String b = nextSender();
        String first = sid();
        String second = sid();
        String third = sid();
        Instant now = Instant.now();
        String next = "/2010-04-01/Accounts/" + SID + "/Messages.json?To=%2B15557770000&PageSize=50&Page=1&PageToken=PAnext";
        // newest first, as Twilio lists them
        twilioAnswers(200, page(List.of(message(second, STRANGER, "RUN_HARVEST", now.minusSeconds(10)),
                message(first, a, "run_snapshot", now.minusSeconds(30))), next));
        wm.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("PageToken", equalTo("PAnext"))
                .willReturn(okJson(page(List.of(message(third, b, "STATUS", now.minusSeconds(60))), null))));
        wm.stubFor(post(urlPathEqualTo(Stubs.SOMA + "/soma/snapshot"))
                .willReturn(okJson("{\"runId\":\"20260216T150000Z-poll01\"}")));

        Duration wait = poller.pollOnce();

        assertThat(wait).isEqualTo(Duration.ofSeconds(20));
        wm.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (SID + ":" + CanarySecrets.value("twilio_auth_token")).getBytes(StandardCharsets.UTF_8));
        wm.verify(getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("To", equalTo(OUR_NUMBER))
                .withQueryParam("PageSize", equalTo("50")).withQueryParam("DateSent>", com.github.tomakehurst.wiremock.client.WireMock.matching("\\d{4}-\\d{2}-\\d{2}"))
                .withHeader("Authorization", equalTo(basic)));
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/snapshot")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/status")));
        wm.verify(0, postRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/harvest")));
        // replies through notify, to the two allowlisted senders only; the stranger gets nothing
        wm.verify(2, postRequestedFor(urlPathEqualTo(Stubs.NOTIFY + "/messages/sms")));
        wm.verify(postRequestedFor(urlPathEqualTo(Stubs.NOTIFY + "/messages/sms"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(a)))
                .withRequestBody(matchingJsonPath("$.body", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "OK RUN_SNAPSHOT → soma-sync-service run 20260216T150000Z-poll01"))));
        wm.verify(postRequestedFor(urlPathEqualTo(Stubs.NOTIFY + "/messages/sms")).withRequestBody(matchingJsonPath("$.to", equalTo(b))));

        List<Map<String, Object>> audit = Hq.api().get("/api/audit?limit=20").jsonPath().getList("$");
        assertThat(audit).anyMatch(e -> "sms.command".equals(e.get("event")) && "accepted".equals(e.get("outcome"))
                && String.valueOf(e.get("detail")).contains("RUN_SNAPSHOT (poll)"));
        assertThat(audit).anyMatch(e -> "sms.command".equals(e.get("event")) && "refused".equals(e.get("outcome")));
        assertThat(audit).anyMatch(e -> "action.request".equals(e.get("event"))
                && String.valueOf(e.get("detail")).contains("via sms"));
        assertThat(audit.toString()).doesNotContain("+1555000300").doesNotContain(STRANGER);
        assertThat(outcome(first)).isEqualTo("accepted");
        assertThat(outcome(second)).isEqualTo("refused");
        assertThat(outcome(third)).isEqualTo("accepted");
        assertThat(poller.health().lastSuccessAt()).isNotNull();
    }

    @Test
    void aMessageListedAgainIsHandledOnce() throws Exception {
        String again = sid();
        twilioAnswers(200, page(List.of(message(again, nextSender(), "RUN_MIRROR", Instant.now().minusSeconds(5))), null));
        wm.stubFor(post(urlPathEqualTo(Stubs.SOMA + "/soma/mirror")).willReturn(okJson("{\"runId\":\"20260216T150000Z-mir001\"}")));
        poller.pollOnce();
        poller.pollOnce();
        poller.pollOnce();
        wm.verify(3, getRequestedFor(urlPathEqualTo(LIST)));
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/mirror")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.NOTIFY + "/messages/sms")));
        // the claim is a row: a restarted gateway reads the same table
        assertThat(outcome(again)).isEqualTo("accepted");
    }

    @Test
    void aCommandSentLongBeforeItIsReadIsRecordedNotRun() throws Exception {
        String old = sid();
        twilioAnswers(200, page(List.of(message(old, nextSender(), "RUN_HARVEST", Instant.now().minus(Duration.ofHours(2)))), null));
        poller.pollOnce();
        wm.verify(0, postRequestedFor(urlPathEqualTo(Stubs.SOMA + "/soma/harvest")));
        wm.verify(0, postRequestedFor(urlPathEqualTo(Stubs.NOTIFY + "/messages/sms")));
        assertThat(outcome(old)).isEqualTo("expired");
    }

    @Test
    void a429BacksOffAtLeastAsLongAsTwilioAsks() {
        wm.stubFor(get(urlPathEqualTo(LIST)).atPriority(1).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withHeader("Content-Type", "application/json").withBody("{\"code\":20429,\"message\":\"Too Many Requests\"}")));
        Duration wait = poller.pollOnce();
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(120));
        SmsPollerHealth health = poller.health();
        assertThat(health.state()).isEqualTo("failing");
        assertThat(health.lastErrorClass()).isEqualTo("rate_limited");
        assertThat(health.consecutiveFailures()).isEqualTo(1);
        assertThat(health.nextPollAt()).isAfterOrEqualTo(health.lastPollAt().plusSeconds(120));
    }

    @Test
    void serverErrorsBackOffDoublingAndAlertOnceAfterThreeThenResolve() {
        wm.stubFor(get(urlPathEqualTo(LIST)).atPriority(1).willReturn(aResponse().withStatus(503)));
        Duration first = poller.pollOnce();
        Duration second = poller.pollOnce();
        assertThat(second).isGreaterThan(first);
        wm.verify(0, postRequestedFor(urlPathEqualTo(Stubs.NOTIFY + "/alerts")));
        poller.pollOnce();
        poller.pollOnce();
        assertThat(poller.health().consecutiveFailures()).isEqualTo(4);
        assertThat(poller.health().lastErrorClass()).isEqualTo("server_error");
        assertThat(poller.health().alerting()).isTrue();
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.NOTIFY + "/alerts"))
                .withRequestBody(matchingJsonPath("$.checkId", equalTo("hq-gateway.sms_poller")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("FAIL"))));
        wm.removeStub(wm.getStubMappings().stream().filter(s -> s.getPriority() != null && s.getPriority() == 1).findFirst().orElseThrow());
        poller.pollOnce();
        assertThat(poller.health().state()).isEqualTo("ok");
        assertThat(poller.health().consecutiveFailures()).isZero();
        wm.verify(postRequestedFor(urlPathEqualTo(Stubs.NOTIFY + "/alerts")).withRequestBody(matchingJsonPath("$.status", equalTo("OK"))));
    }

    @Test
    void badCredentialsFailClosedAndShowOnHq() {
        wm.stubFor(get(urlPathEqualTo(LIST)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}")));
        String ignored = sid();
        Duration wait = poller.pollOnce();
        assertThat(wait).isEqualTo(Duration.ofMinutes(10));
        Hq.api().get("/api/sms/poller").then().statusCode(200).body("state", is("unauthorized"))
                .body("lastErrorClass", is("unauthorized")).body("consecutiveFailures", is(1));
        String shown = Hq.api().get("/api/sms/poller").asString();
        CanarySecrets.assertNoLeak(shown, "/api/sms/poller");
        poller.pollOnce();
        poller.pollOnce();
        wm.verify(1, postRequestedFor(urlPathEqualTo(Stubs.NOTIFY + "/alerts")).withRequestBody(
                matchingJsonPath("$.message", com.github.tomakehurst.wiremock.client.WireMock.containing("unauthorized"))));
        assertThat(ignored).isNotBlank();
    }

    private static String outcome(String sid) throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("SELECT outcome FROM gateway.sms_inbound WHERE sid = ?")) {
            s.setString(1, sid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
