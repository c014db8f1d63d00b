package io.openclaw.hq.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.openclaw.hq.llm.FakeProviders.answer;
import static io.openclaw.hq.llm.FakeProviders.bearer;
import static io.openclaw.hq.llm.FakeProviders.completion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.llm.service.CostRecorder;
import io.openclaw.hq.llm.service.LedgerEntry;
import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class StatusDoctorSpendTest {

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    CostRecorder costs;

    @Inject
    ArtifactRoot artifacts;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    private static RequestSpecification internal() {
        return given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).contentType("application/json");
    }

    @Test
    void statusShowsProvidersRouterAndConfigWithoutKeys() {
        String body = internal().get("/v1/status").then().statusCode(200)
                .body("router.version", org.hamcrest.Matchers.matchesPattern(
                        "\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\+([0-9a-f]{7,40}(\\.dirty)?|commit-unknown)"))
                .body("router.review_gate", is("fail-closed"))
                .body("router.review_provider", is("openai"))
                .body("router.review_model", is("gpt-4o-mini"))
                .body("router.review_fallback.provider", is("mistral"))
                .body("router.review_fallback.model", is("labs-devstral-small-2512"))
                .body("router.review_caps.max_output_tokens", is(600))
                .body("providers.openai.enabled", is(true))
                .body("providers.openai.configured", is(true))
                .body("providers.openai.state", is("active"))
                .body("providers.openai.key_masked", startsWith("sk-"))
                .body("providers.openai.key_fingerprint", startsWith("sha256:"))
                .body("providers.openai.review_role", is("primary"))
                .body("providers.mistral.review_role", is("fallback"))
                .body("providers.moonshot.state", is("active"))
                .body("providers.moonshot.review_role", is("never"))
                .body("providers.ollama.enabled", is(false))
                .body("providers.ollama.state", is("disabled"))
                .body("providers.openai.breaker", is("closed"))
                .body("providers.ollama.configured", is(false))
                .body("providers.ollama.key_masked", org.hamcrest.Matchers.nullValue())
                .body("router.review_gate_state.mode", is("fail-closed"))
                .body("router.review_gate_state.pinned_provider", is("openai"))
                .body("router.review_gate_state.pinned_model", is("gpt-4o-mini"))
                .body("router.review_gate_state.pinned_breaker", is("closed"))
                .body("router.review_gate_state.fallback.provider", is("mistral"))
                .body("router.review_gate_state.caps.max_output_tokens", is(600))
                .body("router.review_gate_state.failed_closed_last_24h", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("router.budget.max_usd_per_run", org.hamcrest.Matchers.notNullValue())
                .body("router.budget.reserved_usd", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("router.budget.spent_usd_today", org.hamcrest.Matchers.notNullValue())
                .body("router.budget.calls_today", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("config.valid", is(true))
                .extract().asString();
        CanarySecrets.assertNoLeak(body, "GET /v1/status");
    }

    /**
     * The version names the commit the router was built from (review records carry it): built from
     * this checkout, it is HEAD's, so a build that lost the commit (plugin gone, file renamed) fails here.
     * Authenticated answers carry it, errors included; a caller refused at the door does not get it.
     */
    @Test
    void theVersionIsTheCommitTheRouterWasBuiltFromOnStatusAndOnEveryAnswer() throws Exception {
        io.restassured.response.Response status = internal().get("/v1/status");
        String version = status.jsonPath().getString("router.version");
        assertThat(status.header("X-OpenClaw-Router-Version")).isEqualTo(version);
        assertThat(given().get("/v1/status").then().statusCode(401).extract().header("X-OpenClaw-Router-Version"))
                .as("a caller refused at the door learns nothing about the build").isNull();
        assertThat(internal().contentType("application/json").body("{").post("/v1/chat/completions").then().statusCode(400)
                .extract().header("X-OpenClaw-Router-Version")).as("an authenticated caller's error names it").isEqualTo(version);
        Path repository = Path.of("..").toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(repository.resolve(".git")),
                "built without a git directory: the version says commit-unknown");
        Process git = new ProcessBuilder("git", "-C", repository.toString(), "rev-parse", "HEAD").start();
        String head = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(git.waitFor()).isZero();
        String commit = version.substring(version.indexOf('+') + 1).replace(".dirty", "");
        assertThat(head).as("HEAD of the checkout the router was built from").startsWith(commit);
        assertThat(version).startsWith(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.application.version", String.class) + "+");
    }

    @Test
    void doctorProbesEachProviderAndWritesItsArtifact() {
        wireMock.stubFor(get(urlEqualTo("/models")).withHeader("Authorization", equalTo(bearer("openai")))
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        wireMock.stubFor(get(urlEqualTo("/models")).withHeader("Authorization", equalTo(bearer("mistral")))
                .willReturn(aResponse().withStatus(429)));
        wireMock.stubFor(get(urlEqualTo("/models")).withHeader("Authorization", equalTo(bearer("moonshot")))
                .willReturn(aResponse().withStatus(401)));

        String runId = internal().header("X-HQ-Actor", "ops@example.org").header("X-HQ-Trigger", "web")
                .post("/v1/doctor").then().statusCode(202).body("run.action", is("llm_doctor"))
                .body("run.actor", is("ops@example.org")).body("run.trigger", is("web")).extract().path("runId");
        JsonPath run = awaitRun(runId);
        String file = TestFiles.readArtifact("doctor/providers/" + runId + "/provider_status.json");
        assertThat(file).contains("\"state\" : \"DEGRADED\"").contains("transient_quota");
        JsonPath doctor = JsonPath.from(file);
        assertThat(doctor.getString("providers.openai.state")).isEqualTo("OK");
        assertThat(doctor.getString("providers.mistral.state")).isEqualTo("DEGRADED");
        assertThat(doctor.getString("providers.mistral.last_error_class")).isEqualTo("transient_quota");
        assertThat(doctor.getString("providers.moonshot.state")).isEqualTo("DOWN");
        assertThat(doctor.getString("providers.moonshot.last_error_class")).isEqualTo("non_transient");
        assertThat(doctor.getString("state")).isEqualTo("DOWN");
        CanarySecrets.assertNoLeak(file, "provider_status.json");

        internal().get("/v1/status").then().statusCode(200)
                .body("doctor.run_id", is(runId))
                .body("doctor.providers.mistral.state", is("DEGRADED"))
                .body("doctor.last_timestamp", startsWith("20"))
                .body("providers.mistral.doctor.state", is("DEGRADED"))
                .body("providers.mistral.doctor.run_id", is(runId))
                .body("providers.moonshot.doctor.last_error_class", is("non_transient"));
        // an enabled provider DOWN is not a success: the run says which
        assertThat(run.getString("action")).isEqualTo("llm_doctor");
        assertThat(run.getString("status")).isEqualTo("failure");
        assertThat(run.getString("summary")).contains("moonshot").contains("mistral DEGRADED");
    }

    @Test
    void doctorWithEveryEnabledProviderDownIsAFailureNamingThem() {
        wireMock.stubFor(get(urlEqualTo("/models")).willReturn(aResponse().withStatus(401)));
        String runId = internal().post("/v1/doctor").then().statusCode(202).extract().path("runId");
        JsonPath run = awaitRun(runId);
        assertThat(run.getString("status")).isEqualTo("failure");
        assertThat(run.getString("summary")).startsWith("every enabled provider is DOWN: openai, mistral, moonshot");
        assertThat(run.getString("trigger")).isEqualTo("api");
    }

    @Test
    void doctorAnswersWhileAProviderIsStillBeingAskedAndLogsEachAsItAnswers() {
        io.openclaw.hq.testing.HeldResponses.hold("openai-models");
        try {
            wireMock.stubFor(get(urlEqualTo("/models")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")
                    .withTransformers(io.openclaw.hq.testing.HeldResponses.NAME)
                    .withTransformerParameter("gate", "openai-models")));
            String runId = internal().post("/v1/doctor").then().statusCode(202).body("run.status", is("running"))
                    .extract().path("runId");
            // OpenAI has not answered: the run is running and says whom it is asking
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> internal()
                    .get("/runs/" + runId + "/log").then().extract().jsonPath().getList("lines").contains("openai: probing"));
            internal().get("/runs/" + runId).then().body("status", is("running"));
            internal().post("/v1/doctor").then().statusCode(409).body("runId", is(runId));
            internal().body("{\"providers\":[\"openai\"]}").post("/v1/doctor").then().statusCode(400)
                    .body("detail", containsString("takes no body"));

            io.openclaw.hq.testing.HeldResponses.release("openai-models");
            JsonPath run = awaitRun(runId);
            assertThat(run.getString("status")).isEqualTo("success");
            List<String> lines = internal().get("/runs/" + runId + "/log").then().extract().jsonPath().getList("lines", String.class);
            assertThat(lines).contains("openai: probing", "mistral: probing", "moonshot: probing");
            assertThat(lines).anyMatch(l -> l.startsWith("openai: OK"));
        } finally {
            io.openclaw.hq.testing.HeldResponses.release("openai-models");
        }
    }

    private static JsonPath awaitRun(String runId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !"running".equals(
                internal().get("/runs/" + runId).then().extract().path("status")));
        return internal().get("/runs/" + runId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void spendGivesDailyTotalsPerProviderAndModel() {
        double before = visionCost(spend(30));
        answer(wireMock, "openai", completion("gpt-4o", "hi", 1000, 100));
        for (int i = 0; i < 2; i++) {
            internal().header("X-OpenClaw-Purpose", "vision").body("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                    .post("/v1/chat/completions").then().statusCode(200);
        }
        assertThat(costs.awaitIdle(Duration.ofSeconds(10))).isTrue();
        JsonPath after = spend(30);
        // 2 × (1000 × $2.50/M + 100 × $10/M) = $0.007
        assertThat(visionCost(after) - before).isCloseTo(0.007, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(after.getString("currency")).isEqualTo("USD");
        assertThat(after.getInt("days")).isEqualTo(30);

        internal().get("/v1/spend?days=0").then().statusCode(400).body("detail", containsString("days"));
        internal().get("/v1/spend?days=367").then().statusCode(400);
    }

    @Test
    void aBurstOfCallsReachesTheLedgerAndTelemetryWhole() throws Exception {
        // more than one batch and faster than the writer gathers: every row must still arrive, once
        String model = "ledger-burst-" + UUID.randomUUID();
        int calls = 2_345;
        Instant now = Instant.now();
        for (int i = 0; i < calls; i++) {
            costs.recordLater(entry(now, model));
        }
        assertThat(costs.awaitIdle(Duration.ofSeconds(20))).isTrue();

        assertThat(ledgerCalls(model)).isEqualTo(calls);
        assertThat(telemetryLines(now, model)).isEqualTo(calls);
    }

    @Test
    void telemetryThatCannotBeWrittenIsRetriedWithoutWritingTheLedgerTwice() throws Exception {
        String model = "ledger-retry-" + UUID.randomUUID();
        Instant now = Instant.now();
        Path telemetry = chatTelemetry(now);
        Files.createDirectories(telemetry.getParent());
        if (Files.exists(telemetry)) {
            Files.move(telemetry, telemetry.resolveSibling(CostRecorder.TELEMETRY_FILE + ".before-" + model));
        }
        Files.createDirectory(telemetry); // a folder where the file belongs: every append fails
        try {
            for (int i = 0; i < 10; i++) {
                costs.recordLater(entry(now, model));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> ledgerCalls(model) == 10);
            assertThat(costs.awaitIdle(Duration.ofMillis(1_500))).as("still retrying the telemetry").isFalse();
        } finally {
            Files.delete(telemetry);
        }
        assertThat(costs.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(telemetryLines(now, model)).isEqualTo(10);
        assertThat(ledgerCalls(model)).isEqualTo(10);
    }

    private static LedgerEntry entry(Instant at, String model) {
        return new LedgerEntry(at, "general", "openai", model, null, null, 10L, 1L,
                new BigDecimal("0.000001"), new BigDecimal("0.000001"), false, null, "ok", false);
    }

    private static long ledgerCalls(String model) {
        List<Map<String, Object>> daily = spend(1).getList("daily");
        return daily.stream().filter(d -> model.equals(d.get("model")))
                .mapToLong(d -> ((Number) d.get("calls")).longValue()).sum();
    }

    private Path chatTelemetry(Instant at) {
        return artifacts.resolve("llm-router/chat/" + DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(at))
                .resolve(CostRecorder.TELEMETRY_FILE);
    }

    private long telemetryLines(Instant at, String model) throws Exception {
        try (var lines = Files.lines(chatTelemetry(at))) {
            return lines.filter(line -> line.contains(model)).count();
        }
    }

    private static JsonPath spend(int days) {
        return internal().get("/v1/spend?days=" + days).then().statusCode(200).extract().jsonPath();
    }

    private static double visionCost(JsonPath spend) {
        List<Map<String, Object>> daily = spend.getList("daily");
        return daily.stream().filter(d -> "gpt-4o".equals(d.get("model")) && "openai".equals(d.get("provider")))
                .mapToDouble(d -> ((Number) d.get("costUsd")).doubleValue()).sum();
    }

    /**
     * The answers hq-gateway reads, recorded from this service's real answers as contract files
     * (contracts/llm-router-service/*.json) that the gateway's tests replay; a later change that
     * drops or renames a field they hold fails here.
     */
    @Test
    void theAnswersTheGatewayReadsKeepTheirRecordedShape() {
        answer(wireMock, "openai", completion("gpt-4o", "hi", 1000, 100));
        internal().header("X-OpenClaw-Purpose", "vision").body("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/chat/completions").then().statusCode(200);
        assertThat(costs.awaitIdle(Duration.ofSeconds(10))).isTrue();
        wireMock.stubFor(get(urlEqualTo("/models")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));

        io.restassured.response.Response accepted = internal().header("X-HQ-Actor", "ops@example.org")
                .header("X-HQ-Trigger", "web").post("/v1/doctor");
        record("doctor-run", "POST", "/v1/doctor", accepted);
        String runId = accepted.path("runId");
        awaitRun(runId);
        io.restassured.response.Response status = internal().get("/v1/status");
        assertThat(status.jsonPath().getString("doctor.run_id")).isEqualTo(runId);
        record("status", "GET", "/v1/status", status);
        io.restassured.response.Response spend = internal().get("/v1/spend?days=30");
        assertThat(spend.jsonPath().getList("daily")).isNotEmpty();
        record("spend", "GET", "/v1/spend?days=30", spend);
        record("runs", "GET", "/runs?limit=5", internal().get("/runs?limit=5"));
        record("run", "GET", "/runs/{runId}", internal().get("/runs/" + runId));
        record("run-log", "GET", "/runs/{runId}/log?after=0", internal().get("/runs/" + runId + "/log?after=0"));
    }

    private static void record(String name, String method, String path, io.restassured.response.Response answer) {
        io.openclaw.hq.testing.Contracts.record("llm-router-service", name, method, path, answer.statusCode(), answer.asString());
    }
}
