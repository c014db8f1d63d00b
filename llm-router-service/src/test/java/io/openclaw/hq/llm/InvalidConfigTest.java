package io.openclaw.hq.llm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The second (and last) boot of this module: an invalid llm.json keeps the router shut. */
@QuarkusTest
@TestProfile(InvalidConfigTest.InvalidConfig.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class InvalidConfigTest {

    public static class InvalidConfig implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openclaw.config.dir", "src/test/resources/config-invalid");
        }
    }

    @Test
    void readinessIsDownAndListsEveryViolation() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.find { it.name == 'config' }.status", is("DOWN"))
                .body("checks.find { it.name == 'config' }.data.'llm.json'", containsString("$.defaults.review.provider"))
                .body("checks.find { it.name == 'config' }.data.'llm.json'", containsString("$.enabledProviders"))
                .body("checks.find { it.name == 'config' }.data.'llm.json'", containsString("$.providers.ollama.apiBase"))
                .body("checks.find { it.name == 'config' }.data.'llm.json'", containsString("$.reviewCaps.maxOutputTokens"))
                .body("checks.find { it.name == 'config' }.data.'llm.json'", containsString("surprise"))
                .body("checks.find { it.name == 'llm-router config' }.status", is("DOWN"));
    }

    @Test
    void callsAreRefusedWithTheViolations() {
        given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).contentType("application/json")
                .body(FakeProviders.reviewBody("r-invalid", "diff")).post("/v1/review")
                .then().statusCode(503).body("title", is("config invalid"))
                .body("violations", hasItem(containsString("$.defaults.review.provider")));
        given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).contentType("application/json")
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").post("/v1/chat/completions")
                .then().statusCode(503).body("title", is("config invalid"));
        given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).get("/v1/status")
                .then().statusCode(200).body("config.valid", is(false))
                .body("router.review_gate", is("fail-closed"));
    }
}
