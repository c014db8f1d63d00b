package io.openclaw.hq.gateway.pages;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Stubs;
import io.openclaw.hq.platform.runs.RunAccepted;
import io.openclaw.hq.platform.runs.RunLogPage;
import io.openclaw.hq.platform.runs.RunRecord;
import io.openclaw.hq.platform.runs.RunStatus;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless Chromium: log in, overview, run an action and watch its run page
 * finish, open an artifact, log out; every page at 390 and 1280 px without horizontal scrolling.
 * Screenshots stay in target/screenshots. Without Chromium this test fails: it never skips.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String RUN_ID = "20260216T140000Z-fff001";
    static final List<String> PAGES = List.of("/", "/projects", "/timeline", "/timeline/doctor-service/" + RUN_ID, "/logs",
            "/artifacts", "/artifacts/browser/report.txt", "/actions", "/llm", "/jobs",
            "/jobs/" + io.openclaw.hq.gateway.Replay.json("runner-service", "job").path("id").asText(), "/soma");

    /**
     * Words of labels (headings, field names, buttons, item titles, verdicts, navigation) whose
     * letters land on more than one line: a label broken mid-word. Breaks at spaces, hyphens and
     * slashes are fine.
     */
    static final String BROKEN_LABEL_WORDS = """
            const broken = [];
            document.querySelectorAll('h1, h2, dt, button, nav a, label, .item-title, .verdict, .status').forEach(el => {
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode())) {
                const words = /[^\\s\\/-]+/g;
                let m;
                while ((m = words.exec(node.textContent))) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
                  if (tops.size > 1) { broken.push(m[0]); }
                }
              }
            });
            return broken;""";

    private static WebDriver driver;
    private static Path profile;
    private final WireMockServer wm = BackendsWireMockResource.server();

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void chromium() throws Exception {
        assertThat(CHROMIUM).as("chromium must be installed (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver must be installed (apt-get install chromium-driver)").isExecutable();
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("hq-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));

        Path root = TestSecretsResource.artifactRoot().resolve("browser");
        Files.createDirectories(root);
        Files.writeString(root.resolve("report.txt"), "mirror report: 12 lessons in sync\n");
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void backends() {
        Stubs.allUp(wm);
        RunRecord running = webRun(RunStatus.RUNNING);
        wm.stubFor(post(urlPathEqualTo(Stubs.DOCTOR + "/doctor/run")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(Stubs.json(RunAccepted.of(running)))));
        String runPath = Stubs.DOCTOR + "/runs/" + RUN_ID;
        // the run is running until its remaining output has been read, then it has succeeded
        wm.stubFor(get(urlPathEqualTo(runPath)).inScenario("run").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(Stubs.json(running))));
        wm.stubFor(get(urlPathEqualTo(runPath)).inScenario("run").whenScenarioStateIs("done")
                .willReturn(okJson(Stubs.json(webRun(RunStatus.SUCCESS)))));
        wm.stubFor(get(urlPathEqualTo(runPath + "/log")).withQueryParam("after", equalTo("0")).inScenario("run")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(log(0, 1, false, "doctor: starting"))));
        wm.stubFor(get(urlPathEqualTo(runPath + "/log")).withQueryParam("after", equalTo("1")).inScenario("run")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(okJson(log(1, 3, true, "check tailscale: PASS", "doctor: 9 checks, all PASS"))));
        wm.stubFor(get(urlPathEqualTo(runPath + "/log")).withQueryParam("after", equalTo("0")).inScenario("run")
                .whenScenarioStateIs("done").willReturn(okJson(log(0, 3, true,
                        "doctor: starting", "check tailscale: PASS", "doctor: 9 checks, all PASS"))));
        // the first calls after boot, with Chromium starting beside them on two cores, can outlast the
        // one-second timeout; warm the clients up so the screenshots show the pages with data
        Hq.api().get("/api/runs");
        Hq.api().get("/api/llm/status");
        io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.get().resetAll();
    }

    private static String log(int after, int next, boolean finished, String... lines) {
        return Stubs.json(new RunLogPage(RUN_ID, after, next, List.of(lines), finished));
    }

    /** The doctor run a button started, as doctor-service records it: trigger web, the session's fingerprint. */
    private static RunRecord webRun(RunStatus status) {
        Instant started = Instant.parse("2026-02-16T14:00:00Z");
        boolean done = status.isFinished();
        return new RunRecord(RUN_ID, "infra_openclaw", "doctor-service", "doctor", RunTrigger.WEB, "sha256:1a2b3c4d", status,
                started, done ? started.plusSeconds(6) : null, done ? 6200L : null, done ? "9 checks, all PASS" : null, null,
                List.of(), List.of(), null);
    }

    @Test
    void logInRunAnActionOpenAnArtifactLogOut() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url("/login"));
        driver.manage().deleteAllCookies();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        driver.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("token")).sendKeys("not the token");
        driver.findElement(By.id("login")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))).getText())
                .contains("not the console token");
        driver.findElement(By.id("token")).sendKeys(CanarySecrets.CONSOLE_TOKEN);
        driver.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.titleContains("Overview"));
        assertThat(driver.getPageSource()).contains("Public port audit", "Notifications", "timer healthy",
                io.openclaw.hq.gateway.Replay.json("llm-router-service", "status").path("providers").path("openai")
                        .path("key_masked").asText());
        shot("flow-1-overview");

        driver.get(url("/actions"));
        driver.findElement(By.id("action-doctor")).click();
        wait.until(ExpectedConditions.urlContains("/timeline/doctor-service/" + RUN_ID));
        wait.until(ExpectedConditions.textToBe(By.id("run-status"), "success"));
        assertThat(driver.findElement(By.id("output")).getText())
                .contains("doctor: starting", "check tailscale: PASS", "doctor: 9 checks, all PASS");
        // who started it and how, as the owning service's run record holds them
        assertThat(driver.findElement(By.id("run-actor")).getText()).isEqualTo("sha256:1a2b3c4d");
        assertThat(driver.findElement(By.id("run-trigger")).getText()).contains("(web)");
        assertThat(driver.findElement(By.id("run-outcome")).getText()).contains("Run doctor succeeded: 9 checks, all PASS");
        shot("flow-2-run-finished");

        driver.get(url("/artifacts"));
        driver.findElement(By.linkText("browser/")).click();
        driver.findElement(By.linkText("report.txt")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview"))).getText())
                .contains("mirror report: 12 lessons in sync");
        shot("flow-3-artifact");

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.get(url("/projects"));
        assertThat(driver.getCurrentUrl()).contains("/login");
        shot("flow-4-logged-out");
    }

    @Test
    void everyPageFitsAPhoneAndADesktopWithoutHorizontalScroll() throws Exception {
        loginDirectly();
        for (int width : new int[] {390, 1280}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            for (String page : PAGES) {
                driver.get(url(page));
                new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
                assertThat(driver.getCurrentUrl()).as(page).doesNotContain("/login");
                long scrollWidth = ((Number) ((JavascriptExecutor) driver)
                        .executeScript("return document.documentElement.scrollWidth")).longValue();
                long viewport = ((Number) ((JavascriptExecutor) driver)
                        .executeScript("return document.documentElement.clientWidth")).longValue();
                shot("page" + page.replaceAll("[^a-z0-9]+", "-") + "-" + width);
                assertThat(scrollWidth).as("%s at %d px scrolls sideways", page, width).isLessThanOrEqualTo(viewport);
                @SuppressWarnings("unchecked")
                List<String> broken = (List<String>) ((JavascriptExecutor) driver).executeScript(BROKEN_LABEL_WORDS);
                assertThat(broken).as("%s at %d px: label words broken across lines", page, width).isEmpty();
            }
        }
    }

    /** The panel-heavy pages whole, for a person to look at: charts, legends, long lists. */
    @Test
    void panelPagesWhole() throws Exception {
        loginDirectly();
        for (int width : new int[] {390, 1280}) {
            driver.manage().window().setSize(new Dimension(width, width == 390 ? 4200 : 2600));
            for (String page : List.of("/", "/llm")) {
                driver.get(url(page));
                new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
                assertThat(driver.findElements(By.cssSelector("svg.chart"))).as(page).isNotEmpty();
                shot("whole" + page.replaceAll("[^a-z0-9]+", "-") + "-" + width);
                if (width == 390) {
                    // each panel on its own, readable at a phone's width
                    for (var panel : driver.findElements(By.cssSelector("section.panel"))) {
                        String title = panel.getAttribute("data-title");
                        File file = panel.getScreenshotAs(OutputType.FILE);
                        Files.copy(file.toPath(), SCREENSHOTS.resolve("panel-" + (title == null ? "x" : title)
                                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-390.png"),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private void loginDirectly() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url("/login"));
        if (driver.findElements(By.id("token")).isEmpty()) {
            return;
        }
        driver.findElement(By.id("token")).sendKeys(CanarySecrets.CONSOLE_TOKEN);
        driver.findElement(By.id("login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains("Overview"));
    }

    private String url(String path) {
        String b = base.toString();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path;
    }

    private static void shot(String name) throws Exception {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
