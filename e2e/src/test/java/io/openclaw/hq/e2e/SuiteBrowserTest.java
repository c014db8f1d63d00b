package io.openclaw.hq.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
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

    @Test
    void aDoctorRunFromItsButtonShowsTheOutcomeAndWhoStartedItAsDoctorRecordedIt() {
        browser.width(390);
        browser.logInAsOperator();
        browser.open("/actions");
        browser.driver.findElement(By.id("action-doctor")).click();
        browser.waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/timeline/doctor-service/"));
        String url = browser.driver.getCurrentUrl();
        String runId = url.substring(url.lastIndexOf('/') + 1);
        browser.waitFor(Duration.ofSeconds(60)).until(d -> {
            String status = d.findElement(By.id("run-status")).getText();
            return !status.isBlank() && !status.toLowerCase().contains("running");
        });
        JsonNode record = suite.backend("doctor-service", "/runs/" + runId);
        String page = browser.text();
        assertThat(browser.driver.findElement(By.id("run-status")).getText().toLowerCase())
                .contains(record.path("status").asText());
        assertThat(page).contains(record.path("actor").asText()).contains(record.path("trigger").asText());
        assertThat(record.path("trigger").asText()).isEqualTo("web");
        browser.shot("e2e-doctor-run-390");
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
