package io.openclaw.hq.llm;

import static io.openclaw.hq.llm.FakeProviders.answer;
import static io.openclaw.hq.llm.FakeProviders.approved;
import static io.openclaw.hq.llm.FakeProviders.completion;
import static io.openclaw.hq.llm.FakeProviders.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.Contracts;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records the real answers of POST /v1/review that the delivery module's tests replay at the
 * router's REST edge (contracts/llm-router-service/review-*.json): an approval, a block, and the
 * fail-closed answer when no provider can be reached. Same test resources as ReviewGateTest, so
 * the same Quarkus boot serves both.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class ReviewContractTest {

    static final String SINCE = "0123456789abcdef0123456789abcdef01234567";
    static final String TO = "89abcdef0123456789abcdef0123456789abcdef";

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    private static Response review(String runId) {
        String body = "{\"bundle\":\"diff --git a/x b/x\\n+y\",\"sinceSha\":\"" + SINCE + "\",\"toSha\":\"" + TO
                + "\",\"runId\":\"" + runId + "\"}";
        return given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).contentType("application/json")
                .body(body).post("/v1/review").then().extract().response();
    }

    @Test
    void approvedAnswerIsRecorded() {
        answer(wireMock, "openai", approved("gpt-4o-mini"));
        Response response = review(FakeProviders.runId("contract-ok"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("verdict")).isEqualTo("APPROVED");
        assertThat(response.jsonPath().getString("meta.to_sha")).isEqualTo(TO);
        assertThat(response.header("X-OpenClaw-Router-Version")).as("the version a review record keeps").contains("+");
        Contracts.record("llm-router-service", "review-approved", "POST", "/v1/review", 200, response.asString());
    }

    @Test
    void blockedAnswerIsRecorded() {
        answer(wireMock, "openai", completion("gpt-4o-mini", verdict("BLOCKED", "public_binds"), 400, 120));
        Response response = review(FakeProviders.runId("contract-blocked"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("verdict")).isEqualTo("BLOCKED");
        assertThat(response.jsonPath().getString("gates.public_binds.status")).isEqualTo("fail");
        Contracts.record("llm-router-service", "review-blocked", "POST", "/v1/review", 200, response.asString());
    }

    @Test
    void failClosedAnswerIsRecordedWhenNoProviderAnswers() {
        answer(wireMock, "openai", WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        answer(wireMock, "mistral", WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        Response response = review(FakeProviders.runId("contract-closed"));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.jsonPath().getString("title")).isEqualTo("review failed closed");
        Contracts.record("llm-router-service", "review-failed-closed", "POST", "/v1/review", 502, response.asString());
    }
}
