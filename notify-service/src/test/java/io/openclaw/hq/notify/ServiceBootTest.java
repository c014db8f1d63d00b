package io.openclaw.hq.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties",
        value = "quarkus.rest-client.pushover.url,notify.twilio.api-base-url"))
class ServiceBootTest {

    @Test
    void readyCoversTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name.contains('Database') }.status", is("UP"));
    }

    @Test
    void runsNeedTheInternalToken() {
        given().when().get("/runs").then().statusCode(401).body("title", equalTo("unauthorized"));
        given().header("X-HQ-Internal-Token", "wrong-token-value").when().get("/runs").then().statusCode(401);
    }

    @Test
    void runsAnswerWithTheToken() {
        given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN)
                .when().get("/runs")
                .then().statusCode(200).header("Content-Type", is("application/json;charset=UTF-8"));
    }
}
