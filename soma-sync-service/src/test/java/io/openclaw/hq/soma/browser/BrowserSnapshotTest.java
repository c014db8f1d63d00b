package io.openclaw.hq.soma.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.soma.snapshot.Library;
import io.openclaw.hq.soma.support.Api;
import io.openclaw.hq.soma.support.KajabiAdminFixture;
import io.openclaw.hq.soma.support.KajabiFake;
import io.openclaw.hq.soma.support.Libraries;
import io.openclaw.hq.soma.support.SomaCanaries;
import io.openclaw.hq.soma.support.SomaConfig;
import io.openclaw.hq.soma.support.SomaTestResources;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The headless-Chromium fallback, in real Chromium against a fixture admin site the test serves:
 * the same library read through the admin pages gives byte for byte the snapshot the API gives;
 * the session reaches the site only as a cookie (never argv, log, artifact or row); a refused
 * session and a missing Chromium fail the run closed, saying so.
 */
@QuarkusTest
@SomaTestResources
class BrowserSnapshotTest {

    static final String HOME = "{\"product\":\"Home User Library\"}";
    static final Library LIBRARY = Libraries.withMedia(
            Libraries.parse("home", "bm1:Basics=bl1:Intro & Welcome,bl2:Breath,bl3:Rest~|bm2:Flow=bl4:Sun"),
            "bl1", new Library.Media("bmd1", "video", "intro.mp4", 312L), new Library.Media("bmd0", "audio", null, null));

    /** Chromium and chromedriver behind scripts that write down the command line each was started with. */
    static Path wrappers;

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeAll
    static void recordingWrappers() throws Exception {
        wrappers = Files.createTempDirectory("soma-browser-argv");
        for (String tool : new String[] {"chromium", "chromedriver"}) {
            Path script = wrappers.resolve(tool);
            Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$0\" \"$@\" >> '" + wrappers.resolve("argv.txt")
                    + "'\nexec /usr/bin/" + tool + " \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @BeforeEach
    void kajabi() {
        wireMock.resetAll();
        wireMock.stubFor(post(urlPathEqualTo("/alerts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
    }

    @AfterEach
    void configBack() {
        SomaConfig.restore();
    }

    private void browserOn(Consumer<ObjectNode> more) {
        SomaConfig.edit(config -> {
            ObjectNode browser = config.putObject("browserFallback").put("enabled", true).put("adminUrl", wireMock.baseUrl())
                    .put("chromium", wrappers.resolve("chromium").toString())
                    .put("chromedriver", wrappers.resolve("chromedriver").toString()).put("pageTimeoutSeconds", 30);
            more.accept(browser);
        });
    }

    @Test
    void theAdminPagesGiveTheSnapshotTheApiGivesAndTheSessionGoesOnlyAsACookie() throws Exception {
        KajabiFake api = new KajabiFake(wireMock, 2);
        api.token("kj-token-browser-1234567", 3600);
        api.product("prod-home", LIBRARY);
        JsonPath viaApi = Api.run("/soma/snapshot", HOME);
        assertThat(viaApi.getString("status")).as(viaApi.prettify()).isEqualTo("success");
        Path apiSnapshot = TestSecretsResource.artifactRoot().resolve("soma/" + viaApi.getString("id") + "/snapshot.json");

        new KajabiAdminFixture(wireMock, CanarySecrets.value("kajabi_session_token")).product("prod-home", LIBRARY);
        browserOn(b -> { });
        JsonPath viaBrowser = Api.run("/soma/snapshot", HOME);
        String log = Api.log(viaBrowser.getString("id"));
        assertThat(viaBrowser.getString("status")).as(log).isEqualTo("success");
        Path browserSnapshot = TestSecretsResource.artifactRoot().resolve("soma/" + viaBrowser.getString("id") + "/snapshot.json");

        // same output shape: the same bytes, so nothing changed since the API's snapshot
        assertThat(Files.readAllBytes(browserSnapshot)).isEqualTo(Files.readAllBytes(apiSnapshot));
        assertThat(viaBrowser.getString("summary")).contains("unchanged since " + viaApi.getString("id"), "admin pages");
        assertThat(log).contains("headless Chromium", "course c-home: 2 module(s), 4 lesson(s) from its admin page");
        // the pages were read with the session cookie, and the API was not asked
        wireMock.verify(getRequestedFor(urlPathEqualTo("/admin/courses/c-home"))
                .withCookie(KajabiAdminFixture.COOKIE, equalTo(SomaCanaries.KAJABI_SESSION_TOKEN)));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(KajabiFake.TOKEN_PATH)));

        // the session token: not on either command line, nowhere in the service's answers, logs, artifacts or rows
        String argv = Files.readString(wrappers.resolve("argv.txt"));
        assertThat(argv).contains("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        assertThat(SomaCanaries.leaksIn(argv)).isEmpty();
        assertThat(SomaCanaries.leaksIn(Api.call().get("/runs/" + viaBrowser.getString("id")).asString())).isEmpty();
        assertThat(SomaCanaries.leaksIn(log)).isEmpty();
        assertThat(SomaCanaries.leaksIn(Files.readString(TestSecretsResource.LOG_FILE))).isEmpty();
        CanarySecrets.assertNoLeakInTree(TestSecretsResource.artifactRoot());
        CanarySecrets.assertNoLeakInSchema("soma_sync");
        // Chromium's profile, where the cookie lived, is gone
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("soma-chromium-"));
        }
    }

    @Test
    void aSessionTheAdminRefusesFailsTheRunAndKeepsTheLastGoodSnapshot() {
        new KajabiAdminFixture(wireMock, "a-session-the-admin-knows-not-ours").product("prod-home", LIBRARY);
        browserOn(b -> { });
        String before = Api.call().get("/soma/status").jsonPath()
                .getString("products.find { it.slug == 'home' }.lastGoodRunId");
        JsonPath run = Api.run("/soma/snapshot", HOME);
        assertThat(run.getString("status")).isEqualTo("failure");
        assertThat(run.getString("error")).contains("the Kajabi admin did not accept the stored session",
                "its sign-in page", "kajabi_session_token");
        assertThat(Api.call().get("/soma/status").jsonPath().getString("products.find { it.slug == 'home' }.lastGoodRunId"))
                .isEqualTo(before);
    }

    @Test
    void withoutChromiumTheRunFailsClosedSayingWhatIsMissing() {
        browserOn(b -> b.put("chromium", "/nonexistent/chromium"));
        JsonPath run = Api.run("/soma/snapshot", HOME);
        assertThat(run.getString("status")).isEqualTo("failure");
        assertThat(run.getString("error")).contains("there is no Chromium at /nonexistent/chromium",
                "install chromium and chromium-driver");
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/admin/products/prod-home")));
    }

    @Test
    void anAdminPageWithoutWhatTheSnapshotNeedsFailsNamingIt() {
        new KajabiAdminFixture(wireMock, SomaCanaries.KAJABI_SESSION_TOKEN).product("prod-home", LIBRARY);
        // a course page whose lesson lacks its position
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/admin/courses/c-home")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(
                        "<main data-kajabi-admin><h1 data-course-id=\"c-home\" data-title=\"Course home\">x</h1>"
                                + "<section data-module-id=\"bm1\" data-title=\"Basics\" data-position=\"1\" data-published=\"true\">"
                                + "<li data-lesson-id=\"bl1\" data-title=\"Intro\" data-published=\"true\"></li></section></main>")));
        browserOn(b -> { });
        JsonPath run = Api.run("/soma/snapshot", HOME);
        assertThat(run.getString("status")).isEqualTo("failure");
        assertThat(run.getString("error")).contains("Kajabi admin page malformed at " + wireMock.baseUrl()
                + "/admin/courses/c-home: lesson bl1 lacks data-position");
    }
}
