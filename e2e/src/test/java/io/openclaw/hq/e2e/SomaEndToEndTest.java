package io.openclaw.hq.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * Soma end to end against the real suite: a button on HQ's Soma page (headless Chromium) starts a
 * run that soma-sync-service records with who pressed it, and the page's answer leads to that run;
 * then {@code LAST_ERRORS} by SMS from an allowlisted phone, read by the gateway from the fake Twilio's message
 * list, is answered through notify-service with soma's newest failed run, the one just made (the
 * suite has no Kajabi snapshot, so the mirror fails saying so).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SomaEndToEndTest {

    static final String TWILIO_LIST = "/twilio/2010-04-01/Accounts/[^/]+/Messages\\.json";

    static Suite suite;
    static Browser browser;
    static String mirrorRunId;

    @BeforeAll
    static void start() {
        suite = Suite.get();
        browser = new Browser(suite.gateway());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theMirrorButtonOnTheSomaPageStartsARunSomaRecordsAndThePageLeadsToIt() {
        browser.width(390);
        browser.logInAsOperator();
        browser.open("/soma");
        assertThat(browser.horizontalOverflow()).as("the Soma page at 390 px scrolls sideways").isLessThanOrEqualTo(0);
        assertThat(browser.text()).contains("Soma library", "Credentials");
        browser.shot("e2e-soma-page-390");

        browser.driver.findElement(By.id("soma-soma_mirror")).click();
        var link = browser.waitFor(Duration.ofSeconds(30)).until(d -> {
            var found = d.findElements(By.id("soma-run-link"));
            return found.isEmpty() ? null : found.get(0);
        });
        mirrorRunId = link.getText().strip();
        assertThat(link.getAttribute("href")).endsWith("/timeline/soma-sync-service/" + mirrorRunId);
        browser.shot("e2e-soma-started-390");

        link.click();
        browser.waitFor(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/timeline/soma-sync-service/" + mirrorRunId));
        browser.waitFor(Duration.ofSeconds(60)).until(d -> {
            String status = d.findElement(By.id("run-status")).getText().toLowerCase();
            return !status.isBlank() && !status.contains("running") && !status.contains("queued");
        });
        // soma's own record of the press: trigger web, the operator's fingerprint, and the page says what it says
        JsonNode record = suite.backend("soma-sync-service", "/runs/" + mirrorRunId);
        assertThat(record.path("action").asText()).isEqualTo("soma_mirror");
        assertThat(record.path("trigger").asText()).isEqualTo("web");
        assertThat(record.path("actor").asText()).isEqualTo(SuiteBrowserTest.fingerprint(Suite.CONSOLE_TOKEN));
        assertThat(record.path("status").asText()).isEqualTo("failure");
        assertThat(record.path("error").asText()).contains("no good snapshot");
        assertThat(browser.driver.findElement(By.id("run-status")).getText()).isEqualTo(record.path("status").asText());
        browser.shot("e2e-soma-run-390");
    }

    @Test
    @Order(2)
    void lastErrorsBySmsIsAnsweredWithSomasNewestFailedRun() {
        if (mirrorRunId == null) {
            theMirrorButtonOnTheSomaPageStartsARunSomaRecordsAndThePageLeadsToIt();
        }
        // from the second allowlisted phone: the operator's one command a minute stays for SuiteApiTest's RUN_MIRROR
        String reply = ask("LAST_ERRORS");
        JsonNode newest = suite.backend("soma-sync-service", "/soma/errors?limit=1").get(0);
        assertThat(reply).startsWith("Soma errors: " + newest.path("action").asText() + " " + newest.path("status").asText())
                .contains("run " + newest.path("runId").asText());
        assertThat(reply).contains("run " + mirrorRunId, "no good snapshot");
    }

    /**
     * Puts one inbound message on the fake Twilio's list, waits for the gateway's poller to act on it
     * and for the reply notify-service sends to that phone through Twilio; answers its text.
     */
    private static String ask(String command) {
        String sid = "SM" + "50a1".repeat(7) + "01e2";
        String sent = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        int repliesBefore = replies().size();
        StubMapping inbox = suite.providers.server().stubFor(get(urlPathMatching(TWILIO_LIST)).atPriority(1)
                .willReturn(okJson("""
                        {"messages":[{"sid":"%s","from":"%s","to":"+15550100999","body":"%s",
                          "direction":"inbound","date_sent":"%s"}],"next_page_uri":null}"""
                        .formatted(sid, Suite.SECOND_PHONE, command, sent))));
        try {
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                List<String> replies = replies();
                if (replies.size() > repliesBefore) {
                    return replies.get(replies.size() - 1);
                }
                pause(300);
            }
            throw new AssertionError("no SMS reply to " + command + " within 60 s; replies so far: " + replies());
        } finally {
            suite.providers.server().removeStub(inbox);
        }
    }

    /** The bodies of the SMS notify-service sent to the second phone through the fake Twilio, oldest first. */
    private static List<String> replies() {
        return suite.providers.requestsTo("/twilio/").stream()
                .filter(r -> "POST".equals(r.getMethod().value()))
                .filter(r -> form(r.getBodyAsString(), "To").map(to -> URLDecoder.decode(to, StandardCharsets.UTF_8))
                        .filter(Suite.SECOND_PHONE::equals).isPresent())
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> form(r.getBodyAsString(), "Body")).flatMap(Optional::stream)
                .map(body -> URLDecoder.decode(body, StandardCharsets.UTF_8))
                // the replies to LAST_ERRORS, not the alerts notify also sends by SMS
                .filter(text -> text.startsWith("Soma errors") || text.startsWith("No Soma errors")
                        || text.startsWith("FAILED LAST_ERRORS") || text.startsWith("One command a minute")
                        || text.startsWith("OpenClaw HQ commands"))
                .toList();
    }

    private static Optional<String> form(String body, String field) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(field)) {
                return Optional.of(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
