package io.openclaw.hq.llm;

import static io.openclaw.hq.llm.FakeProviders.answer;
import static io.openclaw.hq.llm.FakeProviders.error;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.llm.service.CostRecorder;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Providers that echo the key back in their errors (some do) must not get it into an answer, a
 * run, an artifact, a log line or a table.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class CanaryLeakTest {

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    CostRecorder costs;

    @Test
    void keysEchoedByProvidersGoNowhere() throws IOException {
        wireMock.resetAll();
        String openaiKey = CanarySecrets.value("openai_api_key");
        String mistralKey = CanarySecrets.value("mistral_api_key");
        answer(wireMock, "openai", error(503, "overloaded for key " + openaiKey));
        answer(wireMock, "mistral", error(401, "Incorrect API key provided: " + mistralKey));
        answer(wireMock, "moonshot", error(500, "moonshot saw " + CanarySecrets.value("moonshot_api_key")));

        StringBuilder answers = new StringBuilder();
        answers.append(given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                .contentType("application/json").body(FakeProviders.reviewBody(FakeProviders.runId("canary"), "diff"))
                .post("/v1/review").then().statusCode(502).extract().asString());
        answers.append(given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                .contentType("application/json").body("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .post("/v1/chat/completions").then().statusCode(502).extract().asString());
        answers.append(given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                .get("/v1/status").then().statusCode(200).extract().asString());
        answers.append(given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                .get("/runs?limit=500").then().statusCode(200).extract().asString());
        assertThat(answers).as("the errors did reach the router").contains("overloaded for key");
        assertThat(costs.awaitIdle(Duration.ofSeconds(10))).isTrue();

        CanarySecrets.assertNoLeak(answers.toString(), "HTTP answers");
        CanarySecrets.assertNoLeakInTree(TestSecretsResource.artifactRoot());
        CanarySecrets.assertNoLeak(Files.readString(TestSecretsResource.LOG_FILE, StandardCharsets.ISO_8859_1), "service log");
        CanarySecrets.assertNoLeakInSchema("llm_router");
    }
}
