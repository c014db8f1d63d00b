package io.openclaw.hq.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.openclaw.hq.llm.FakeProviders.answer;
import static io.openclaw.hq.llm.FakeProviders.approved;
import static io.openclaw.hq.llm.FakeProviders.count;
import static io.openclaw.hq.llm.FakeProviders.error;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fallback rule as a table: what OpenAI does → how often each provider is called, and what
 * the gate answers. Exactly one OpenAI call always (no retries); Mistral only after a transient
 * error, and then exactly once.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class ReviewFallbackMatrixTest {

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        answer(wireMock, "mistral", approved("labs-devstral-small-2512"));
    }

    static Stream<Arguments> primaryFaults() {
        return Stream.of(
                // what OpenAI does, its class, Mistral calls expected, HTTP status of the gate
                Arguments.of("429", error(429, "rate limited"), "transient_quota", 1, 200),
                Arguments.of("500", error(500, "boom"), "transient_server", 1, 200),
                Arguments.of("501", error(501, "boom"), "transient_server", 1, 200),
                Arguments.of("502", error(502, "bad gateway"), "transient_server", 1, 200),
                Arguments.of("503", error(503, "overloaded"), "transient_server", 1, 200),
                Arguments.of("504", error(504, "gateway timeout"), "transient_server", 1, 200),
                Arguments.of("read timeout", approved("gpt-4o-mini").withFixedDelay(5000), "transient_network", 1, 200),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "transient_network", 1, 200),
                Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE), "transient_network", 1, 200),
                Arguments.of("505", error(505, "version"), "non_transient", 0, 502),
                Arguments.of("400", error(400, "bad request"), "non_transient", 0, 502),
                Arguments.of("401", error(401, "bad key"), "non_transient", 0, 502),
                Arguments.of("403", error(403, "forbidden"), "non_transient", 0, 502),
                Arguments.of("404", error(404, "no such model"), "non_transient", 0, 502),
                Arguments.of("422", error(422, "unprocessable"), "non_transient", 0, 502),
                Arguments.of("malformed body", aResponse().withStatus(200).withBody("this is not json"), "non_transient", 0, 502),
                Arguments.of("no choices", aResponse().withStatus(200).withBody("{\"id\":\"x\"}"), "non_transient", 0, 502));
    }

    @ParameterizedTest(name = "OpenAI {0} → Mistral called {3}x, gate {4}")
    @MethodSource("primaryFaults")
    void primaryFault(String what, ResponseDefinitionBuilder openai, String errorClass, int mistralCalls, int status) {
        answer(wireMock, "openai", openai);
        Response response = review(FakeProviders.runId("matrix"));

        assertThat(count(wireMock, "openai")).as("OpenAI calls").isEqualTo(1);
        assertThat(count(wireMock, "mistral")).as("Mistral calls").isEqualTo(mistralCalls);
        assertThat(count(wireMock, "moonshot")).as("Moonshot never reviews").isZero();
        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 200) {
            assertThat(response.jsonPath().getString("verdict")).isEqualTo("APPROVED");
            assertThat(response.jsonPath().getString("meta.provider")).isEqualTo("mistral");
            assertThat(response.jsonPath().getString("meta.model")).isEqualTo("labs-devstral-small-2512");
            assertThat(response.jsonPath().getBoolean("meta.fallback_used")).isTrue();
            assertThat(response.jsonPath().getString("meta.transient_class")).isEqualTo(errorClass);
        } else {
            assertThat(response.jsonPath().getString("title")).isEqualTo("review failed closed");
            assertThat(response.jsonPath().getString("detail")).contains("(" + errorClass + ")").contains("no fallback");
            assertThat(response.header("X-OpenClaw-Error-Class")).isEqualTo(errorClass);
        }
    }

    static Stream<Arguments> bothFail() {
        return Stream.of(
                Arguments.of(error(429, "quota"), error(503, "down"), "transient_quota", "transient_server"),
                Arguments.of(error(500, "boom"), error(401, "bad key"), "transient_server", "non_transient"),
                Arguments.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), approved("x").withFixedDelay(5000),
                        "transient_network", "transient_network"));
    }

    @ParameterizedTest(name = "both fail: {2} then {3} → fail closed")
    @MethodSource("bothFail")
    void bothReviewersFailing(ResponseDefinitionBuilder openai, ResponseDefinitionBuilder mistral, String primaryClass,
            String fallbackClass) {
        answer(wireMock, "openai", openai);
        answer(wireMock, "mistral", mistral);
        Response response = review(FakeProviders.runId("bothfail"));

        assertThat(count(wireMock, "openai")).isEqualTo(1);
        assertThat(count(wireMock, "mistral")).as("exactly one fallback attempt").isEqualTo(1);
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.jsonPath().getString("title")).isEqualTo("review failed closed");
        String routerRun = response.jsonPath().getString("runId");
        assertThat(routerRun).isNotBlank();
        String artifact = given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                .get("/runs/" + routerRun).then().statusCode(200)
                .extract().jsonPath().getList("artifacts", String.class).stream()
                .filter(a -> a.endsWith("review_fail_closed.json")).findFirst().orElseThrow();
        String failClosed = TestFiles.readArtifact(artifact);
        assertThat(failClosed).contains("\"primary_transient_class\" : \"" + primaryClass + "\"")
                .contains("\"fallback_error_class\" : \"" + fallbackClass + "\"");
        given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).get("/runs/" + routerRun)
                .then().body("status", org.hamcrest.Matchers.is("failure"));
    }

    private static Response review(String runId) {
        return given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                .contentType("application/json").body(FakeProviders.reviewBody(runId, "diff --git a/x b/x\n+hello"))
                .when().post("/v1/review").then().extract().response();
    }
}
