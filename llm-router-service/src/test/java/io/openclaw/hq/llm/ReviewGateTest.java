package io.openclaw.hq.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.openclaw.hq.llm.FakeProviders.answer;
import static io.openclaw.hq.llm.FakeProviders.approved;
import static io.openclaw.hq.llm.FakeProviders.callsTo;
import static io.openclaw.hq.llm.FakeProviders.completion;
import static io.openclaw.hq.llm.FakeProviders.count;
import static io.openclaw.hq.llm.FakeProviders.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class ReviewGateTest {

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    private static RequestSpecification internal() {
        return given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).contentType("application/json");
    }

    private static Response review(String runId, String bundle) {
        return internal().body(FakeProviders.reviewBody(runId, bundle)).post("/v1/review").then().extract().response();
    }

    @Test
    void approvedVerdictCarriesProvenanceAndIsWrittenAsArtifact() {
        answer(wireMock, "openai", approved("gpt-4o-mini"));
        Response response = review(FakeProviders.runId("ok"), "diff --git a/a b/a\n+x");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("verdict")).isEqualTo("APPROVED");
        for (String gate : FakeProviders.GATES) {
            assertThat(response.jsonPath().getString("gates." + gate + ".status")).isEqualTo("pass");
        }
        assertThat(response.jsonPath().getString("meta.provider")).isEqualTo("openai");
        assertThat(response.jsonPath().getString("meta.model")).isEqualTo("gpt-4o-mini");
        assertThat(response.jsonPath().getBoolean("meta.fallback_used")).isFalse();
        assertThat(response.jsonPath().getString("meta.transient_class")).isNull();
        assertThat(response.jsonPath().getBoolean("meta.simulated")).isFalse();
        assertThat(response.jsonPath().getString("meta.since_sha")).isEqualTo("1a2b3c4d");
        assertThat(response.jsonPath().getString("meta.to_sha")).isEqualTo("5e6f7a8b");
        // 400 prompt tokens at $1.50/M + 120 output tokens at $6/M
        assertThat(response.jsonPath().getDouble("meta.cost_usd")).isEqualTo(0.00132);
        assertThat(count(wireMock, "mistral")).isZero();

        String runId = response.jsonPath().getString("meta.run_id");
        List<String> artifacts = internal().get("/runs/" + runId).then().statusCode(200)
                .body("status", is("success")).body("action", is("review")).body("summary", containsString("APPROVED"))
                .extract().jsonPath().getList("artifacts", String.class);
        assertThat(artifacts).anyMatch(a -> a.endsWith("verdict.json"));
        String telemetry = TestFiles.readArtifact("llm-router/review/" + runId + "/cost_telemetry.jsonl");
        assertThat(telemetry).contains("\"provider\":\"openai\"").contains("\"model\":\"gpt-4o-mini\"")
                .contains("\"actual_usd\":0.00132").contains("\"fallback_used\":false").contains("\"prompt_tokens\":400");
    }

    @Test
    void reviewCapsAreForcedOnEveryReviewCall() {
        answer(wireMock, "openai", approved("gpt-4o-mini"));
        String body = """
                {"messages":[{"role":"user","content":"review this"}],"max_tokens":4000,"temperature":0.9}""";
        internal().header("X-OpenClaw-Purpose", "review").body(body).post("/v1/chat/completions")
                .then().statusCode(200).header("X-OpenClaw-Provider", "openai");

        wireMock.verify(1, callsTo("openai")
                .withRequestBody(matchingJsonPath("$.max_tokens", com.github.tomakehurst.wiremock.client.WireMock.equalTo("600")))
                .withRequestBody(matchingJsonPath("$.temperature", com.github.tomakehurst.wiremock.client.WireMock.equalTo("0.0")))
                .withRequestBody(matchingJsonPath("$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo("gpt-4o-mini"))));
    }

    @Test
    void reviewCannotPickAnotherModel() {
        internal().header("X-OpenClaw-Purpose", "review")
                .body("{\"model\":\"moonshot-v1-8k\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/chat/completions").then().statusCode(400).body("detail", containsString("review uses gpt-4o-mini"));
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void approvalWithAFailedGateIsAFailureNotAnApproval() {
        answer(wireMock, "openai", completion("gpt-4o-mini", verdict("APPROVED", "key_handling"), 400, 100));
        Response response = review(FakeProviders.runId("liar"), "diff");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.jsonPath().getString("title")).isEqualTo("review answer invalid");
        String runId = response.jsonPath().getString("runId");
        internal().get("/runs/" + runId).then().body("status", is("failure"));
    }

    @Test
    void blockedVerdictIsAnswered() {
        answer(wireMock, "openai", completion("gpt-4o-mini", verdict("BLOCKED", "public_binds"), 400, 100));
        Response response = review(FakeProviders.runId("blocked"), "diff");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("verdict")).isEqualTo("BLOCKED");
        assertThat(response.jsonPath().getString("gates.public_binds.status")).isEqualTo("fail");
    }

    @Test
    void answersThatDoNotFitTheSchemaFailClosed() {
        for (String content : List.of("I think it looks fine!", "{\"verdict\":\"APPROVED\"}",
                "{\"verdict\":\"MAYBE\",\"gates\":{}}", verdict("APPROVED").replace("}}}", "}},\"extra\":1}"),
                "[1,2,3]")) {
            wireMock.resetAll();
            answer(wireMock, "openai", completion("gpt-4o-mini", content, 10, 10));
            Response response = review(FakeProviders.runId("schema"), "diff");
            assertThat(response.statusCode()).as(content).isEqualTo(502);
            assertThat(response.jsonPath().getString("title")).isEqualTo("review answer invalid");
            assertThat(count(wireMock, "mistral")).as("a bad answer is not transient").isZero();
        }
    }

    @Test
    void aReviewOverThePerReviewCapIsRefusedBeforeAnyCall() {
        // 300,000 characters ≈ 75,000 tokens at $1.50/M = $0.1125 > maxUsdPerReview $0.05
        Response response = review(FakeProviders.runId("huge"), "x".repeat(300_000));
        assertThat(response.statusCode()).isEqualTo(402);
        assertThat(response.jsonPath().getString("title")).isEqualTo("budget exceeded");
        assertThat(response.jsonPath().getString("detail")).contains("maxUsdPerReview");
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void badReviewRequestsNameWhatIsWrong() {
        internal().body("{\"bundle\":\"\",\"sinceSha\":\"XYZ\",\"toSha\":\"5e6f7a8b\",\"runId\":\"r 1\"}")
                .post("/v1/review").then().statusCode(400)
                .body("detail", containsString("bundle is required"))
                .body("detail", containsString("sinceSha"))
                .body("detail", containsString("runId"));
        internal().body("{\"bundle\":\"x\",\"sinceSha\":\"1a2b3c4d\",\"toSha\":\"5e6f7a8b\",\"runId\":\"r1\",\"force\":true}")
                .post("/v1/review").then().statusCode(400).body("detail", containsString("force"));
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void missingOpenAiKeyRefusesReviewAndNeverFallsBack() throws IOException {
        answer(wireMock, "openai", approved("gpt-4o-mini"));
        answer(wireMock, "mistral", approved("labs-devstral-small-2512"));
        Path key = TestSecretsResource.secretsDir().resolve("openai_api_key");
        String saved = Files.readString(key, StandardCharsets.UTF_8);
        Files.delete(key);
        try {
            Response response = review(FakeProviders.runId("nokey"), "diff");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.jsonPath().getString("title")).isEqualTo("review refused");
            assertThat(response.jsonPath().getString("detail")).contains("OPENAI_API_KEY").contains("fail-closed");
            assertThat(wireMock.getAllServeEvents()).as("no provider called at all").isEmpty();

            internal().get("/v1/status").then().statusCode(200)
                    .body("providers.openai.configured", is(false))
                    .body("providers.openai.state", is("missing_key"))
                    .body("router.review_gate", is("fail-closed"));
            String runId = internal().post("/v1/doctor").then().statusCode(202).extract().path("runId");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> !"running".equals(
                    internal().get("/runs/" + runId).then().extract().path("status")));
            internal().get("/v1/status").then().statusCode(200)
                    .body("doctor.run_id", is(runId))
                    .body("providers.openai.doctor.state", is("DOWN"))
                    .body("providers.openai.doctor.last_error_class", is("missing_key"));
        } finally {
            Files.writeString(key, saved, StandardCharsets.UTF_8);
        }
    }

    @Test
    void unpricedModelAgainstARunBudgetIsRefused() {
        internal().header("X-OpenClaw-Run-Id", FakeProviders.runId("unpriced"))
                .body("{\"model\":\"gpt-5-unpriced\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/chat/completions").then().statusCode(503)
                .body("detail", containsString("gpt-5-unpriced has no price"));
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void reviewRequestBodyCarriesBundleAndJsonMode() {
        answer(wireMock, "openai", approved("gpt-4o-mini"));
        review(FakeProviders.runId("body"), "BUNDLE-MARKER-123");
        wireMock.verify(1, callsTo("openai")
                .withRequestBody(matchingJsonPath("$.messages[1].content", com.github.tomakehurst.wiremock.client.WireMock.containing("BUNDLE-MARKER-123")))
                .withRequestBody(matchingJsonPath("$.response_format", equalToJson("{\"type\":\"json_object\"}"))));
    }
}
