package io.openclaw.hq.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.openclaw.hq.llm.FakeProviders.answer;
import static io.openclaw.hq.llm.FakeProviders.callsTo;
import static io.openclaw.hq.llm.FakeProviders.completion;
import static io.openclaw.hq.llm.FakeProviders.count;
import static io.openclaw.hq.llm.FakeProviders.error;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.openclaw.hq.llm.service.CostRecorder;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class ChatCompletionsTest {

    private static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    CostRecorder costs;

    @Inject
    io.openclaw.hq.llm.client.ProviderRegistry providers;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    private static RequestSpecification internal() {
        return given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).contentType("application/json");
    }

    @ParameterizedTest(name = "purpose {0} → {1}/{2}")
    @CsvSource({
            "'', openai, gpt-4o-mini",
            "general, openai, gpt-4o-mini",
            "vision, openai, gpt-4o",
            "something-new, openai, gpt-4o-mini"})
    void purposesRouteAsConfigured(String purpose, String provider, String model) {
        answer(wireMock, provider, completion(model, "hi", 5, 2));
        RequestSpecification request = internal().body(HELLO);
        if (!purpose.isEmpty()) {
            request.header("X-OpenClaw-Purpose", purpose);
        }
        request.post("/v1/chat/completions").then().statusCode(200)
                .header("X-OpenClaw-Provider", provider)
                .header("X-OpenClaw-Model", model)
                .header("X-OpenClaw-Fallback", "false")
                .body("choices[0].message.content", is("hi"))
                .body("object", is("chat.completion"));
        wireMock.verify(1, callsTo(provider).withRequestBody(matchingJsonPath("$.model", equalTo(model))));
        assertThat(count(wireMock, "mistral") + count(wireMock, "moonshot")).isZero();
    }

    @Test
    void answersCarryCostAndOverheadHeaders() {
        answer(wireMock, "openai", completion("gpt-4o-mini", "hi", 1000, 500));
        Response response = internal().body(HELLO).post("/v1/chat/completions").then().statusCode(200).extract().response();
        // 1000 × $1.50/M + 500 × $6/M
        assertThat(response.header("X-OpenClaw-Cost-Usd")).isEqualTo("0.00450000");
        assertThat(Double.parseDouble(response.header("X-OpenClaw-Overhead-Ms"))).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void generalCallsNeverFallBack() {
        answer(wireMock, "openai", error(503, "down"));
        answer(wireMock, "mistral", completion("labs-devstral-small-2512", "hi", 1, 1));
        internal().body(HELLO).post("/v1/chat/completions").then().statusCode(502)
                .header("X-OpenClaw-Error-Class", "transient_server")
                .body("detail", containsString("HTTP 503"));
        assertThat(count(wireMock, "mistral")).isZero();
    }

    @Test
    void theClientGetsTheProvidersBytesAsTheyCame() {
        // field order, spacing, an exponent and a field the router does not know: nothing re-encoded
        String providerBody = "{ \"usage\": {\"prompt_tokens\": 5, \"completion_tokens\": 2, \"total_tokens\": 7},"
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},"
                + "\"logprobs\":null,\"finish_reason\":\"stop\"}],  \"object\":\"chat.completion\","
                + "\"system_fingerprint\":\"fp_1\",\"score\":1.0e0}";
        answer(wireMock, "openai", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(providerBody));
        String received = internal().body(HELLO).post("/v1/chat/completions").then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString();
        assertThat(received).isEqualTo(providerBody);
    }

    @Test
    void upstreamQuotaIsA429() {
        answer(wireMock, "openai", error(429, "slow down"));
        internal().body(HELLO).post("/v1/chat/completions").then().statusCode(429)
                .header("X-OpenClaw-Error-Class", "transient_quota");
    }

    @Test
    void unknownFieldsAndBadValuesAre400() {
        internal().body("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"frequency_penaltyy\":1}")
                .post("/v1/chat/completions").then().statusCode(400).body("detail", containsString("frequency_penaltyy"));
        internal().body("{\"messages\":[],\"max_tokens\":0,\"temperature\":3}")
                .post("/v1/chat/completions").then().statusCode(400)
                .body("detail", containsString("messages must hold at least one message"))
                .body("detail", containsString("max_tokens"))
                .body("detail", containsString("temperature"));
        internal().body("{\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}")
                .post("/v1/chat/completions").then().statusCode(400).body("detail", containsString("role"));
        internal().header("X-OpenClaw-Run-Id", "../etc").body(HELLO)
                .post("/v1/chat/completions").then().statusCode(400).body("detail", containsString("X-OpenClaw-Run-Id"));
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void streamIsRelayedAndSettledFromItsUsage() {
        String sse = """
                data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hel"}}]}

                data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"lo"}}]}

                data: {"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":2000,"completion_tokens":1000}}

                data: [DONE]

                """;
        answer(wireMock, "openai", aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(sse));
        String runId = FakeProviders.runId("stream");
        Response response = internal().header("X-OpenClaw-Run-Id", runId)
                .body("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .post("/v1/chat/completions").then().statusCode(200).extract().response();

        assertThat(response.contentType()).startsWith("text/event-stream");
        assertThat(response.header("X-OpenClaw-Provider")).isEqualTo("openai");
        String body = response.asString();
        assertThat(body).contains("\"content\":\"Hel\"").contains("\"content\":\"lo\"").contains("data: [DONE]")
                .doesNotContain("event: error");
        // 2000 × $1.50/M + 1000 × $6/M
        assertThat(body).contains(": openclaw cost_usd=0.00900000");
        wireMock.verify(1, callsTo("openai").withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true"))));
        assertThat(costs.awaitIdle(Duration.ofSeconds(10))).isTrue();
        internal().get("/v1/spend?days=1").then().statusCode(200);
    }

    @Test
    void streamEndingWithoutDoneEndsWithAnErrorEvent() {
        String cut = "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n";
        answer(wireMock, "openai", aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(cut));
        String body = internal().body("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .post("/v1/chat/completions").then().statusCode(200).extract().asString();
        assertThat(body).contains("\"content\":\"Hel\"").contains("event: error")
                .contains("upstream_stream_broken").doesNotContain("data: [DONE]");
        assertThat(body.strip()).as("the error is the last thing sent").endsWith("}");
    }

    @Test
    void streamBrokenOnTheWireEndsWithAnErrorEvent() {
        answer(wireMock, "openai", aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        String body = internal().body("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .post("/v1/chat/completions").then().statusCode(200).extract().asString();
        assertThat(body).contains("event: error").contains("upstream stream broke").doesNotContain("data: [DONE]");
    }

    @Test
    void streamRefusedBeforeItBeganIsAnOrdinaryError() {
        answer(wireMock, "openai", error(401, "bad key"));
        internal().body("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .post("/v1/chat/completions").then().statusCode(502)
                .header("X-OpenClaw-Error-Class", "non_transient");
    }

    @Test
    void disabledProvidersAreNeverHandedOut() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> providers.enabled(io.openclaw.hq.llm.model.ProviderName.OLLAMA))
                .isInstanceOf(io.openclaw.hq.llm.model.ProviderException.class)
                .hasMessageContaining("not in enabledProviders");
        assertThat(providers.enabled(io.openclaw.hq.llm.model.ProviderName.MOONSHOT).name())
                .isEqualTo(io.openclaw.hq.llm.model.ProviderName.MOONSHOT);
    }

    @Test
    void reviewIsNeverStreamed() {
        internal().header("X-OpenClaw-Purpose", "review")
                .body("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")
                .post("/v1/chat/completions").then().statusCode(400).body("detail", containsString("stream"));
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }
}
