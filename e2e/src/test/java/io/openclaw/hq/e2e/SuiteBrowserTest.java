package io.openclaw.hq.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * HQ in headless Chromium against the real suite: what the operator sees on a phone (390 px) and a
 * desktop (1280 px) is what the owning services hold.
 */
class SuiteBrowserTest {

    static final List<String> PAGES = List.of("/", "/projects", "/timeline", "/logs", "/artifacts", "/actions", "/llm");

    static Suite suite;
    static Browser browser;

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
    void theLlmPageShowsThePlantedKeysOnlyMaskedWithTheirFingerprints() {
        browser.width(1280);
        browser.logInAsOperator();
        browser.open("/llm");
        String page = browser.text();
        assertThat(page).contains("sk-…aa31", fingerprint(Suite.OPENAI_KEY));
        assertThat(page).contains("…d5f2", fingerprint(Suite.MISTRAL_KEY));
        assertThat(browser.driver.getPageSource()).doesNotContain(Suite.OPENAI_KEY).doesNotContain(Suite.MISTRAL_KEY);
        browser.shot("e2e-llm-1280");
    }

    /** Actions that start a run in their owning service and leave the host alone. */
    static final Map<String, String> RUN_ACTIONS = new LinkedHashMap<>();
    /** Actions that read and show, started by the gateway, recorded by nobody. */
    static final List<String> READ_ACTIONS = List.of("ports", "timer", "journal", "artifacts", "soma_status", "sms_status");

    static {
        RUN_ACTIONS.put("doctor", "doctor-service");
        RUN_ACTIONS.put("llm_doctor", "llm-router-service");
        RUN_ACTIONS.put("soma_snapshot_home", "soma-sync-service");
        RUN_ACTIONS.put("soma_harvest", "soma-sync-service");
        RUN_ACTIONS.put("soma_mirror", "soma-sync-service");
    }

    @Test
    void everyActionThatLeavesTheHostAloneShowsWhatItsOwnerRecorded() {
        browser.width(390);
        browser.logInAsOperator();
        String operator = fingerprint(Suite.CONSOLE_TOKEN);
        for (Map.Entry<String, String> action : RUN_ACTIONS.entrySet()) {
            String service = action.getValue();
            String runId = press(action.getKey(), "/timeline/" + service + "/");
            browser.waitFor(Duration.ofSeconds(90)).until(d -> !d.findElement(By.id("run-status")).getText().isBlank()
                    && !d.findElement(By.id("run-status")).getText().toLowerCase().contains("running"));
            // the owner's own record, asked directly: the page must say what it says
            JsonNode record = suite.backend(service, "/runs/" + runId);
            assertThat(record.path("status").asText()).as(action.getKey()).isNotIn("running", "queued");
            assertThat(record.path("trigger").asText()).as(action.getKey() + " trigger").isEqualTo("web");
            assertThat(record.path("actor").asText()).as(action.getKey() + " actor").isEqualTo(operator);
            assertThat(text("run-status")).as(action.getKey()).containsIgnoringCase(record.path("status").asText());
            assertThat(text("run-actor")).as(action.getKey()).isEqualTo(record.path("actor").asText());
            assertThat(text("run-trigger")).as(action.getKey()).contains("(web)");
            if (record.path("status").asText().equals("failure")) {
                assertThat(text("run-error")).as(action.getKey() + ": why it failed").isNotBlank();
                String error = record.path("error").asText();
                assertThat(text("run-outcome")).as(action.getKey()).contains(error.substring(0, Math.min(40, error.length())));
            }
            assertThat(browser.text()).as(action.getKey() + " shows no raw JSON").doesNotContain("{\"").doesNotContain("\"runId\"");
            browser.shot("e2e-action-" + action.getKey() + "-390");
        }
        for (String action : READ_ACTIONS) {
            browser.open("/actions");
            browser.driver.findElement(By.id("action-" + action)).click();
            browser.waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("action-result")));
            assertThat(browser.driver.findElement(By.id("action-result")).getAttribute("data-ok")).as(action).isEqualTo("true");
            assertThat(text("action-result")).as(action).contains("What happened");
            browser.shot("e2e-action-" + action + "-390");
        }
    }

    @Test
    void theOverviewShowsTheLatestDoctorReportAndTodaysPointAfterARun() {
        browser.width(1280);
        browser.logInAsOperator();
        String runId = press("doctor", "/timeline/doctor-service/");
        browser.waitFor(Duration.ofSeconds(60)).until(d -> !d.findElement(By.id("run-status")).getText().toLowerCase().contains("running"));
        JsonNode report = suite.backend("doctor-service", "/doctor/reports/" + runId);
        browser.open("/");
        String page = browser.text();
        for (JsonNode check : report.path("checks")) {
            assertThat(page).as("check " + check.path("id")).contains(check.path("name").asText());
            String remediation = check.path("remediation").asText("");
            if (!remediation.isBlank() && !"PASS".equals(check.path("status").asText())) {
                assertThat(page).as("what to do about " + check.path("id")).contains(remediation.lines().findFirst().orElseThrow().strip());
            }
        }
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String source = browser.driver.getPageSource();
        java.util.regex.Matcher point = java.util.regex.Pattern.compile(today + ": pass (\\d+), warn (\\d+), fail (\\d+)").matcher(source);
        assertThat(point.find()).as("today's point on the 7-day chart").isTrue();
        int checksToday = Integer.parseInt(point.group(1)) + Integer.parseInt(point.group(2)) + Integer.parseInt(point.group(3));
        assertThat(checksToday).as("checks counted today").isGreaterThan(0);
        browser.shot("e2e-overview-after-doctor-1280");
    }

    @Test
    void theNotificationPanelShowsWhatNotifyDeliveredToThePhone() {
        // as doctor's guard reports a failing check: notify → Pushover (and SMS for a critical one)
        JsonNode alert = suite.backendPost("notify-service", "/alerts", """
                {"checkId":"e2e.notification_panel","status":"FAIL","severity":"critical",
                 "title":"e2e: a check failed","message":"shown on HQ's notification panel","source":"e2e"}""");
        assertThat(alert.path("delivery").asText()).isEqualTo("delivered");
        assertThat(suite.providers.requestsTo("/pushover/")).as("what reached Pushover").isNotEmpty();
        browser.width(1280);
        browser.logInAsOperator();
        // a panel read within the display cache's TTL (2 s) may still be the answer from before the alert
        browser.waitFor(Duration.ofSeconds(15)).until(d -> {
            browser.open("/");
            return panel("Notifications").contains("e2e.notification_panel");
        });
        String notifications = panel("Notifications");
        assertThat(notifications).containsIgnoringCase("pushover").contains("e2e.notification_panel");
        // the gateway polls Twilio for SMS commands (the fake answers an empty list): HQ says it listens
        assertThat(notifications).contains("SMS commands in");
        browser.shot("e2e-notifications-1280");
    }

    @Test
    void theLlmPageShowsTheReviewGateAndSpendAsTheRouterHoldsThem() {
        JsonNode status = suite.backend("llm-router-service", "/v1/status");
        browser.width(1280);
        browser.logInAsOperator();
        browser.open("/llm");
        String page = browser.text();
        JsonNode gate = status.path("router").path("review_gate_state");
        assertThat(page).contains(gate.path("pinned_provider").asText(), gate.path("pinned_model").asText());
        assertThat(page).contains(gate.path("fallback").path("model").asText());
        browser.shot("e2e-llm-gate-1280");
    }

    @Test
    void theSpendPanelCountsWhatTheRouterLedgerHolds() {
        // one general call through the router to the fake OpenAI: 12 tokens in, 3 out
        suite.backendPost("llm-router-service", "/v1/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
        JsonNode answer = null;
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (java.time.Instant.now().isBefore(deadline)) {
            // the ledger writes in batches: wait until the router itself counts the call
            answer = suite.backend("llm-router-service", "/v1/spend?days=30");
            if (answer.path("totalCalls").asLong() > 0) {
                break;
            }
            SuiteApiTest.pause(300);
        }
        JsonNode spend = answer;
        assertThat(spend.path("totalCalls").asLong()).as("calls in the router's ledger").isPositive();
        browser.width(1280);
        browser.logInAsOperator();
        browser.waitFor(Duration.ofSeconds(15)).until(d -> {
            browser.open("/llm");
            return panel("LLM spend, 30 days").contains("calls\n" + spend.path("totalCalls").asLong());
        });
        String panel = panel("LLM spend, 30 days");
        assertThat(panel).contains("calls\n" + spend.path("totalCalls").asLong()).contains("openai gpt-4o-mini");
        browser.shot("e2e-llm-spend-1280");
    }

    @Test
    void aLongRunsOutputAppearsLineByLineWhileItRuns() {
        // Mistral's model list answers after 6 s: the provider doctor asks OpenAI first and must show
        // that answer while it still waits for Mistral
        var slow = suite.providers.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/mistral/v1/models"))
                .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                        .okJson("{\"object\":\"list\",\"data\":[]}").withFixedDelay(6000)));
        try {
            browser.width(390);
            browser.logInAsOperator();
            press("llm_doctor", "/timeline/llm-router-service/");
            browser.waitFor(Duration.ofSeconds(20)).until(d -> d.findElement(By.id("output")).getText().toLowerCase().contains("openai"));
            assertThat(text("run-status").toLowerCase()).as("still running while its first lines show").contains("running");
            browser.shot("e2e-live-output-running-390");
            browser.waitFor(Duration.ofSeconds(40)).until(d -> !d.findElement(By.id("run-status")).getText().toLowerCase().contains("running"));
            assertThat(text("output").toLowerCase()).contains("mistral");
            browser.shot("e2e-live-output-finished-390");
        } finally {
            suite.providers.server().removeStub(slow);
        }
    }

    /** Presses an action's button and returns the run id of the run page it leads to. */
    private static String press(String action, String runPagePrefix) {
        browser.open("/actions");
        browser.driver.findElement(By.id("action-" + action)).click();
        browser.waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(runPagePrefix));
        String url = browser.driver.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    private static String panel(String title) {
        return browser.driver.findElement(By.cssSelector("section.panel[data-title='" + title + "']")).getText();
    }

    @Test
    void everyPageFitsAPhoneAndADesktop() {
        browser.width(1280);
        browser.logInAsOperator();
        for (int width : new int[] {390, 1280}) {
            browser.width(width);
            for (String path : PAGES) {
                browser.open(path);
                assertThat(browser.driver.getCurrentUrl()).as(path).doesNotContain("/login");
                browser.shot("e2e-page" + path.replaceAll("[^a-z0-9]+", "-") + "-" + width);
                assertThat(browser.horizontalOverflow()).as("%s at %d px scrolls sideways", path, width).isLessThanOrEqualTo(0);
            }
        }
    }

    static String fingerprint(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
