package io.openclaw.hq.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The six services together over HTTP, with no stub between them: what the operator asks of HQ
 * reaches the owning service, is recorded there, and HQ reports what that record holds.
 */
class SuiteApiTest {

    static Suite suite;
    static Operator operator;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
        operator = Operator.loggedIn(suite);
    }

    @Test
    void everyServiceIsReadyAndTheGatewaySeesThemAll() {
        for (ServiceProcess s : suite.services.values()) {
            assertThat(s.ready()).as(s.name() + " ready").isTrue();
        }
        // a JVM's first answers are slow (C1 only, two busy cores): the panels may take a few reads to settle
        HttpResponse<String> overview = operator.page("/");
        Instant deadline = Instant.now().plusSeconds(20);
        while (overview.body().contains("Unavailable") && Instant.now().isBefore(deadline)) {
            pause(500);
            overview = operator.page("/");
        }
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).doesNotContain("Unavailable");
    }

    @Test
    void aWrongConsoleTokenIsRefused() {
        HttpResponse<String> answer = new Operator(suite.gateway()).login("not-the-token");
        assertThat(answer.statusCode()).isNotEqualTo(303);
    }

    @Test
    void aDoctorRunStartedAtHqIsRecordedByDoctorWithWhoAndHow() {
        HttpResponse<String> started = operator.exec("doctor");
        assertThat(started.statusCode()).as(started.body()).isBetween(200, 202);
        String runId = Operator.parse(started.body()).path("runId").asText(null);
        assertThat(runId).as("the run id in " + started.body()).isNotBlank();

        JsonNode run = awaitFinished(runId, Duration.ofSeconds(60));
        assertThat(run.path("service").asText()).isEqualTo("doctor-service");
        assertThat(run.path("trigger").asText()).isEqualTo("web");
        assertThat(run.path("actor").asText()).as("the actor of " + run).startsWith("sha256:");
        assertThat(run.path("status").asText()).isIn("success", "failure");
    }

    @Test
    void anSmsCommandFromTheOperatorBecomesARunAndIsAnsweredBySms() {
        String sid = "SM" + "e2e".repeat(10) + "01";
        String sent = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        var inbox = suite.providers.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/twilio/2010-04-01/Accounts/[^/]+/Messages\\.json"))
                .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"messages":[{"sid":"%s","from":"%s","to":"+15550100999","body":"RUN_MIRROR",
                          "direction":"inbound","date_sent":"%s"}],"next_page_uri":null}""".formatted(sid, Suite.OPERATOR_PHONE, sent))));
        try {
            Instant deadline = Instant.now().plusSeconds(60);
            JsonNode run = null;
            while (run == null && Instant.now().isBefore(deadline)) {
                for (JsonNode r : suite.backend("soma-sync-service", "/runs?limit=50")) {
                    if ("soma_mirror".equals(r.path("action").asText()) && "sms".equals(r.path("trigger").asText())) {
                        run = r;
                    }
                }
                pause(500);
            }
            assertThat(run).as("a soma_mirror run started by SMS in soma-sync-service").isNotNull();
            assertThat(run.path("actor").asText()).as("the sender, never the raw number").doesNotContain("5550100001");
            // the answer went out through notify-service to Twilio, to the operator
            Instant replyDeadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(replyDeadline) && suite.providers.requestsTo("/twilio/").stream()
                    .noneMatch(r -> r.getMethod().value().equals("POST") && r.getBodyAsString().contains("15550100001"))) {
                pause(300);
            }
            assertThat(suite.providers.requestsTo("/twilio/")).anyMatch(r -> r.getMethod().value().equals("POST")
                    && r.getBodyAsString().contains("15550100001"));
        } finally {
            suite.providers.server().removeStub(inbox);
        }
    }

    private static JsonNode awaitFinished(String runId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode run = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = operator.get("/api/runs/" + runId);
            if (answer.statusCode() == 200) {
                run = Operator.parse(answer.body());
                JsonNode record = run.has("run") ? run.get("run") : run;
                String status = record.path("status").asText();
                if (!status.equals("running") && !status.equals("queued")) {
                    return record;
                }
            }
            pause(250);
        }
        throw new AssertionError("run " + runId + " did not finish in " + timeout + "; last seen " + run);
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
