package io.openclaw.hq.gateway.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Replay;
import io.openclaw.hq.gateway.panels.Words;
import io.openclaw.hq.gateway.Stubs;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void overviewShowsWhatAnOperatorNeeds() {
        String page = hq.page().get("/").then().statusCode(200).extract().asString();
        // doctor: verdict, posture, every check with its summary and details, remediation of a FAIL
        JsonNode report = Replay.json("doctor-service", "reports").get(0);
        assertThat(page).contains("Tailscale up", "sshd public", "host reachable", report.path("summary").asText());
        for (JsonNode check : report.path("checks")) {
            assertThat(page).contains(check.path("name").asText(), html(check.path("summary").asText()));
            check.path("details").forEach(d -> assertThat(page).contains(html(d.asText())));
            if (check.has("remediation")) {
                assertThat(page).contains("What to do", html(check.path("remediation").asText()));
            }
        }
        // guard: timer, schedule, its last runs with what was failing and each alert
        JsonNode guard = Replay.json("doctor-service", "guard-status");
        JsonNode lastRun = guard.path("lastRuns").get(0);
        assertThat(page).contains("timer healthy", "every " + guard.path("intervalMinutes").asInt() + " min",
                "failing: " + lastRun.path("failing").get(0).asText(), html(lastRun.path("alerts").get(0).asText()),
                html(Replay.json("doctor-service", "guard-log").path("entries").get(0).path("message").asText()));
        // router: keys masked + fingerprint, review gate, breakers
        JsonNode openai = Replay.json("llm-router-service", "status").path("providers").path("openai");
        assertThat(page).contains(openai.path("key_masked").asText() + " · " + openai.path("key_fingerprint").asText(),
                "fail-closed (openai gpt-4o-mini)", "breaker closed");
        // the router's build, as review records name it (the recording's tree had changes: said so)
        String version = Replay.json("llm-router-service", "status").path("router").path("version").asText();
        assertThat(version).contains("+");
        assertThat(page).contains(version + (version.endsWith(".dirty") ? " (built from uncommitted changes)" : ""));
        // spend: cost, calls, tokens
        JsonNode spend = Replay.json("llm-router-service", "spend");
        long in = 0;
        long out = 0;
        for (JsonNode day : spend.path("daily")) {
            in += day.path("promptTokens").asLong();
            out += day.path("completionTokens").asLong();
        }
        java.math.BigDecimal total = spend.path("totalUsd").decimalValue();
        assertThat(page).contains("$" + (total.scale() > 4 ? total.setScale(4, java.math.RoundingMode.HALF_UP) : total)
                .stripTrailingZeros().toPlainString(),
                in + " in, " + out + " out");
        // notify: channels with state and quota, recent deliveries
        JsonNode notify = Replay.json("notify-service", "status");
        assertThat(page).contains("Notifications", "Pushover quota: remaining",
                notify.path("pushover").path("quota").path("remaining").asText(),
                Words.verdict(notify.path("pushover").path("state").asText()) + " (breaker "
                        + notify.path("pushover").path("breaker").asText() + ")",
                "Pushover, last 24 h", html(Replay.json("notify-service", "deliveries").get(0).path("title").asText()))
                .contains("<svg class=\"chart\"", "as of ")
                .doesNotContain("Unavailable:", "preserveAspectRatio");
        CanarySecrets.assertNoLeak(page, "overview");
    }

    /** What Qute makes of text on a page. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    @Test
    void pagesSpeakWordsNotInternals() {
        for (String path : List.of("/", "/llm", "/actions", "/projects", "/timeline")) {
            String page = hq.page().get(path).then().statusCode(200).extract().asString();
            // no camelCase or snake_case keys as labels, no nanosecond timestamps, no raw JSON
            assertThat(page).as(path).doesNotContainPattern("<dt>[a-z]+[A-Z]\\w*</dt>")
                    .doesNotContainPattern("<dt>[a-z]+_[a-z_]+</dt>")
                    .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}\\.\\d{4,}")
                    // no answer shown as JSON (a provider's error quoted inside a sentence is the service's words)
                    .doesNotContainPattern(">\\s*[\\[{]\\s*&quot;\\w+&quot;:")
                    .doesNotContain(">soma_snapshot_practitioner<");
        }
    }

    @Test
    void theDoctorChartDrawsTheHistoryPointsOneBarPerDay() {
        String page = hq.page().get("/").then().statusCode(200).extract().asString();
        String chart = section(page, "Doctor checks, 7 days");
        JsonNode history = Replay.json("doctor-service", "history");
        assertThat(chart.split("<g><title>", -1)).hasSize(history.path("days").asInt() + 1);
        java.util.Map<String, int[]> perDay = new java.util.TreeMap<>();
        for (JsonNode point : history.path("points")) {
            int[] c = perDay.computeIfAbsent(point.path("date").asText(), k -> new int[3]);
            c[0] += point.path("pass").asInt();
            c[1] += point.path("warn").asInt();
            c[2] += point.path("fail").asInt();
        }
        assertThat(perDay).isNotEmpty();
        perDay.forEach((date, c) -> assertThat(chart)
                .contains("<title>" + date + ": pass " + c[0] + ", warn " + c[1] + ", fail " + c[2] + "</title>"));
        assertThat(chart).doesNotContain("no data");
    }

    @Test
    void theSpendChartHasOneBarPerDayWithTheModelsStacked() {
        String chart = section(hq.page().get("/llm").then().statusCode(200).extract().asString(), "LLM spend, 30 days");
        JsonNode spend = Replay.json("llm-router-service", "spend");
        assertThat(chart.split("<g><title>", -1)).hasSize(spend.path("days").asInt() + 1);
        java.util.Set<String> days = new java.util.TreeSet<>();
        spend.path("daily").forEach(d -> days.add(d.path("day").asText()));
        for (String day : days) {
            // one bar for the day, every model of that day in its title
            assertThat(chart.split("<title>" + day + ":", -1)).hasSize(2);
            spend.path("daily").forEach(d -> {
                if (d.path("day").asText().equals(day)) {
                    assertThat(chart).contains(html(d.path("provider").asText() + " " + d.path("model").asText()));
                }
            });
        }
    }

    @Test
    void llmPageShowsRouterProvidersDoctorAndOllamaDisabledAsDisabled() {
        String page = hq.page().get("/llm").then().statusCode(200).extract().asString();
        JsonNode status = Replay.json("llm-router-service", "status");
        JsonNode router = status.path("router");
        assertThat(page).contains("review fallback", router.path("review_fallback").path("model").asText(),
                router.path("review_caps").path("max_output_tokens").asInt() + " output tokens", "reviewer&#39;s breaker",
                "reviews refused (24 h)", "spent today", "reserved now", "Provider doctor",
                html(status.path("doctor").path("providers").path("openai").path("detail").asText()));
        String providers = section(page, "LLM providers");
        assertThat(providers).containsPattern("ollama</span> <span class=\"verdict tone-\">disabled");
        assertThat(section(page, "AI connections")).contains("not used while disabled").doesNotContain("configured<");
    }

    /** The panel of the page whose data-title is {@code title}. */
    static String section(String page, String title) {
        int start = page.indexOf("data-title=\"" + title + "\"");
        assertThat(start).as("panel " + title).isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void aHangingBackendShowsAnUnavailablePanelAndTheRestRenders() {
        Stubs.hanging(wm, Stubs.DOCTOR);
        long start = System.nanoTime();
        String page = hq.page().get("/").then().statusCode(200).extract().asString();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
        assertThat(page).contains("data-service=\"doctor-service\" data-state=\"unavailable\"")
                .contains("Unavailable: doctor-service unavailable: no answer in time")
                .contains(Replay.json("llm-router-service", "status").path("providers").path("openai").path("key_masked")
                        .asText()); // the LLM panels still render
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
        Stubs.accepts(wm, Stubs.DOCTOR + "/doctor/run", "20260216T120000Z-ddd001", "doctor-service", "doctor");
        hq.post().header("HX-Request", "true").post("/actions/doctor").then().statusCode(200)
                .header("HX-Redirect", "/timeline/doctor-service/20260216T120000Z-ddd001");
        hq.post().header("HX-Request", "true").post("/actions/soma_mirror").then().statusCode(200)
                .body(containsString("What happened:")).body(containsString("not implemented"))
                .body(containsString("What to do:")).body(containsString("/timeline/hq-gateway/"));
        hq.post().header("HX-Request", "true").post("/actions/not_an_action").then().statusCode(200)
                .body(containsString("unknown action"));
    }

    @Test
    void aReadOnlyActionShowsAPanelNotJson() {
        String result = hq.post().header("HX-Request", "true").post("/actions/timer").then().statusCode(200)
                .extract().asString();
        JsonNode guard = Replay.json("doctor-service", "guard-status");
        assertThat(result).contains("timer healthy", "every " + guard.path("intervalMinutes").asInt() + " min ("
                + guard.path("cron").asText() + ")").doesNotContain("{&quot;", "{\"");
        JsonNode ports = null;
        for (JsonNode check : Replay.json("doctor-service", "reports").get(0).path("checks")) {
            if (check.path("id").asText().equals("public_ports")) {
                ports = check;
            }
        }
        assertThat(hq.post().header("HX-Request", "true").post("/actions/ports").then().statusCode(200).extract().asString())
                .contains("Port audit", ports.path("name").asText(), html(ports.path("summary").asText()));
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
    void runPageFollowsTheOutputWhileRunning() {
        String id = "20260216T130000Z-eee001";
        Stubs.runWithLog(wm, Stubs.DOCTOR, id, "doctor-service", "doctor", "running", 0, List.of("check tailscale: PASS"), false);
        hq.page().get("/timeline/doctor-service/" + id).then().statusCode(200)
                .body(containsString("check tailscale: PASS"))
                .body(containsString("is running in doctor-service"))
                .body(containsString("its schedule (timer)"))
                .body(containsString("hx-get=\"/timeline/doctor-service/" + id + "/output?after=1\""));
        // the poller gets the next lines and the next poller, until the run has ended
        Stubs.runWithLog(wm, Stubs.DOCTOR, id, "doctor-service", "doctor", "running", 1, List.of("check ports: running"),
                false);
        String more = hq.page().get("/timeline/doctor-service/" + id + "/output?after=1").then().statusCode(200)
                .extract().asString();
        assertThat(more).doesNotContain("check tailscale: PASS").contains("check ports: running")
                .contains("/output?after=2");
        Stubs.runWithLog(wm, Stubs.DOCTOR, id, "doctor-service", "doctor", "success", 2, List.of("done"), true);
        hq.page().get("/timeline/doctor-service/" + id + "/output?after=2").then().statusCode(200)
                .header("HX-Refresh", "true").body(containsString("done")).body(not(containsString("hx-get")));
        hq.page().get("/timeline/doctor-service/" + id + "/output?after=-1").then().statusCode(400);
    }

    @Test
    void aFailedRunSaysWhatHappenedWhyAndWhatToDo() {
        String id = "20260216T130000Z-eee002";
        Stubs.runWithLog(wm, Stubs.DOCTOR, id, "doctor-service", "guard", "failure", 0, List.of("step 1 ok", "step 2 failed"),
                true);
        hq.page().get("/timeline/doctor-service/" + id).then().statusCode(200)
                .body(containsString("Run guard once"))
                .body(containsString("What happened:</strong> Run guard once failed"))
                .body(containsString("Why:</strong> step 2 failed"))
                .body(containsString("What to do:"))
                .body(not(containsString("hx-get=\"/timeline")));
    }

    @Test
    void aFinishedRunShowsTheResultItsServiceKeeps() {
        JsonNode report = Replay.json("doctor-service", "report");
        String doctorRun = report.path("runId").asText();
        Stubs.runWithLog(wm, Stubs.DOCTOR, doctorRun, "doctor-service", "doctor", "success", 0, List.of("done"), true);
        Stubs.replay(wm, Stubs.DOCTOR + "/doctor/reports/" + doctorRun, "doctor-service", "report");
        hq.page().get("/timeline/doctor-service/" + doctorRun).then().statusCode(200)
                .body(containsString("Checks of this run"))
                .body(containsString(report.path("checks").get(0).path("name").asText()));
        JsonNode heal = Replay.json("doctor-service", "heal-result");
        String healRun = heal.path("runId").asText();
        Stubs.runWithLog(wm, Stubs.DOCTOR, healRun, "doctor-service", "heal apply", "success", 0, List.of("pre-check"), true);
        Stubs.replay(wm, Stubs.DOCTOR + "/heal/" + healRun, "doctor-service", "heal-result");
        hq.page().get("/timeline/doctor-service/" + healRun).then().statusCode(200)
                .body(containsString("What the heal did"))
                .body(containsString(html(heal.path("fix").path("detail").asText())))
                .body(containsString(heal.path("verification").path("summary").asText()))
                .body(containsString(heal.path("evidence").path("bundle").asText()));
        JsonNode guardRun = Replay.json("doctor-service", "guard-status").path("lastRuns").get(0);
        String guardId = guardRun.path("runId").asText();
        Stubs.runWithLog(wm, Stubs.DOCTOR, guardId, "doctor-service", "guard", "success", 0, List.of("done"), true);
        hq.page().get("/timeline/doctor-service/" + guardId).then().statusCode(200)
                .body(containsString("What the guard did"))
                .body(containsString(html(guardRun.path("alerts").get(0).asText())));
        JsonNode doctor = Replay.json("llm-router-service", "status").path("doctor");
        String llmRun = doctor.path("run_id").asText();
        Stubs.runWithLog(wm, Stubs.LLM, llmRun, "llm-router-service", "llm_doctor", "success", 0, List.of("openai: OK"),
                true);
        hq.page().get("/timeline/llm-router-service/" + llmRun).then().statusCode(200)
                .body(containsString("Provider doctor"))
                .body(containsString(html(doctor.path("providers").path("openai").path("detail").asText())));
    }

    @Test
    void aMissingRunOrArtifactIsAPageWithAWayBack() {
        Stubs.noRun(wm, Stubs.DOCTOR, "20990101T000000Z-none01");
        hq.page().get("/timeline/doctor-service/20990101T000000Z-none01").then().statusCode(404)
                .header("Content-Type", containsString("text/html"))
                .body(containsString("href=\"/timeline\"")).body(containsString("Back to all runs"));
        hq.page().get("/timeline/evil-service/x1").then().statusCode(400).body(containsString("unknown service"))
                .body(containsString("Back to all runs"));
        hq.page().get("/artifacts/doctor/no-such-file.txt").then().statusCode(404)
                .header("Content-Type", containsString("text/html"))
                .body(containsString("Back to the artifacts"));
    }
}
