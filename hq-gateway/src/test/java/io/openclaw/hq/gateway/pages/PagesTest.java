package io.openclaw.hq.gateway.pages;

import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Stubs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class PagesTest {

    private final WireMockServer wm = BackendsWireMockResource.server();
    private Hq hq;

    @BeforeAll
    static void artifactTree() throws Exception {
        Path root = TestSecretsResource.artifactRoot();
        Files.createDirectories(root.resolve("doctor/20260216T100000Z-aaa001"));
        Files.writeString(root.resolve("doctor/20260216T100000Z-aaa001/doctor.json"), "{\"status\":\"FAIL\"}\n");
        Files.writeString(root.resolve("doctor/big.log"), "line of output\n".repeat(10_000));
        Files.write(root.resolve("doctor/blob.bin"), new byte[] {1, 0, 2, 0, 3});
        Path outside = Files.createTempDirectory("outside-artifacts");
        Files.writeString(outside.resolve("secret.txt"), "outside the root");
        Path link = root.resolve("doctor/escape");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, outside);
        }
    }

    @BeforeEach
    void login() {
        Stubs.allUp(wm);
        hq = Hq.login();
    }

    @Test
    void overviewShowsEveryPanel() {
        String page = hq.page().get("/").then().statusCode(200).extract().asString();
        assertThat(page).contains("public_ports", "0.0.0.0:22 sshd", "timer", "2026-02-16T10:00:00Z PASS guard",
                "openai", "sk-…a5b4", "sha256:0123456789abcdef", "<svg class=\"chart\"", "total (USD)", "1.25")
                .doesNotContain("Unavailable:");
        CanarySecrets.assertNoLeak(page, "overview");
    }

    @Test
    void aHangingBackendShowsAnUnavailablePanelAndTheRestRenders() {
        Stubs.hanging(wm, Stubs.DOCTOR);
        long start = System.nanoTime();
        String page = hq.page().get("/").then().statusCode(200).extract().asString();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
        assertThat(page).contains("data-service=\"doctor-service\" data-state=\"unavailable\"")
                .contains("Unavailable: doctor-service unavailable: no answer in time")
                .contains("sk-…a5b4"); // the LLM panels still render
    }

    @Test
    void aDownBackendShowsUnavailableOnProjectsAndRuns() {
        Stubs.down(wm, Stubs.SOMA);
        hq.page().get("/timeline").then().statusCode(200)
                .body(containsString("soma-sync-service: unavailable"))
                .body(containsString("20260216T100000Z-aaa001"));
        hq.page().get("/projects").then().statusCode(200).body(containsString("Soma Kajabi library ownership"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/projects", "/timeline", "/timeline?project=infra_openclaw&status=failure", "/logs",
            "/logs?lines=500", "/artifacts", "/artifacts/doctor", "/actions", "/llm",
            "/timeline/doctor-service/20260216T100000Z-aaa001"})
    void everyPageRenders(String path) {
        if (path.startsWith("/timeline/")) {
            wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(Stubs.DOCTOR + "/runs/20260216T100000Z-aaa001"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(Stubs.run("20260216T100000Z-aaa001",
                            "doctor-service", "doctor", "success", "2026-02-16T10:00:00Z", null))));
        }
        String page = hq.page().get(path).then().statusCode(200).header("Content-Type", containsString("text/html"))
                .body(containsString("OpenClaw HQ")).extract().asString();
        assertThat(page).contains("name=\"viewport\"").contains(hq.csrf());
    }

    @Test
    void projectCardsHaveStatusActionsAndTags() {
        hq.page().get("/projects").then().statusCode(200)
                .body(containsString("data-project=\"infra_openclaw\""))
                .body(containsString("status-yellow"))
                .body(containsString("hx-post=\"/actions/apply\""))
                .body(containsString("this changes the host"))
                .body(containsString("<li>kajabi</li>"));
    }

    @Test
    void htmxActionButtonOpensTheRunOrShowsTheFailure() {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(Stubs.DOCTOR + "/doctor/run"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"runId\":\"20260216T120000Z-ddd001\"}")));
        hq.post().header("HX-Request", "true").post("/actions/doctor").then().statusCode(200)
                .header("HX-Redirect", "/timeline/doctor-service/20260216T120000Z-ddd001");
        hq.post().header("HX-Request", "true").post("/actions/soma_mirror").then().statusCode(200)
                .body(containsString("not implemented")).body(containsString("/timeline/hq-gateway/"));
        hq.post().header("HX-Request", "true").post("/actions/not_an_action").then().statusCode(200)
                .body(containsString("unknown action"));
    }

    @Test
    void artifactsBrowseAndPreviewWithACap() {
        hq.page().get("/artifacts/doctor").then().statusCode(200)
                .body(containsString("20260216T100000Z-aaa001/")).body(not(containsString("escape")));
        hq.page().get("/artifacts/doctor/20260216T100000Z-aaa001/doctor.json").then().statusCode(200)
                .body(containsString("{&quot;status&quot;:&quot;FAIL&quot;}"));
        hq.page().get("/artifacts/doctor/big.log").then().statusCode(200)
                .body(containsString("Preview shows the first 64.0 KiB of 146.5 KiB"));
        hq.page().get("/artifacts/doctor/blob.bin").then().statusCode(200).body(containsString("This file is binary"));
        byte[] download = hq.page().get("/artifacts/doctor/big.log?download=1").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        assertThat(download).hasSize(150_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/artifacts/../../etc/passwd", "/artifacts/doctor/../../etc/passwd", "/artifacts/%2e%2e/etc/passwd",
            "/artifacts/doctor%2f..%2f..%2fetc%2fpasswd", "/artifacts/doctor/%2E%2E/%2E%2E/etc/passwd",
            "/artifacts/doctor/escape/secret.txt", "/artifacts/doctor/escape", "/artifacts/doctor%5c..%5csecret",
            "/artifacts/%252e%252e/etc", "/artifacts/doctor/./doctor.json"})
    void traversalIsRefused(String path) {
        io.restassured.response.Response r = hq.page().urlEncodingEnabled(false).redirects().follow(false).get(path);
        assertThat(r.statusCode()).as(path).isIn(400, 404);
        assertThat(r.asString()).doesNotContain("outside the root").doesNotContain("root:x:0:0");
    }

    @Test
    void symlinkOutOfTheRootIsNamedAsSuch() {
        given().cookie("hq_session", hq.cookie()).get("/artifacts/doctor/escape/secret.txt").then().statusCode(400)
                .body(containsString("symbolic link"));
    }

    @Test
    void runPageShowsOutputAndStreamsWhileRunning() {
        String id = "20260216T130000Z-eee001";
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(Stubs.DOCTOR + "/runs/" + id))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        Stubs.run(id, "doctor-service", "doctor", "running", "2026-02-16T13:00:00Z", null))));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(Stubs.DOCTOR + "/runs/" + id + "/log"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"runId\":\"" + id + "\",\"after\":0,\"next\":1,\"lines\":[\"check tailscale: PASS\"],\"finished\":false}")));
        hq.page().get("/timeline/doctor-service/" + id).then().statusCode(200)
                .body(containsString("check tailscale: PASS"))
                .body(containsString("data-stream=\"/timeline/doctor-service/" + id + "/events?after=1\""));
    }

    @Test
    void unknownRunAndServiceAre404Or400() {
        given().cookie("hq_session", hq.cookie()).get("/timeline/doctor-service/20990101T000000Z-none01").then().statusCode(404);
        given().cookie("hq_session", hq.cookie()).get("/timeline/evil-service/x1").then().statusCode(400);
    }
}
