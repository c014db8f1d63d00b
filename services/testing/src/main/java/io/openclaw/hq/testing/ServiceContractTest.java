package io.openclaw.hq.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What every backend service promises (ARCHITECTURE.md): readiness that covers its database,
 * the internal token on every REST path, and the run feed. A service's test extends this with
 * {@code @QuarkusTest} and its test resources; the checks run inside that service's boot.
 */
public abstract class ServiceContractTest {

    @Test
    void readinessCoversTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name.contains('Database') }.status", is("UP"));
    }

    @Test
    void livenessIsOpenWithoutAToken() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void everyRestPathNeedsTheInternalToken() {
        given().when().get("/runs").then().statusCode(401).body("title", equalTo("unauthorized"));
        given().header("X-HQ-Internal-Token", "wrong-token-value").when().get("/runs").then().statusCode(401);
        given().when().get("/does-not-exist").then().statusCode(401);
    }

    @Test
    void theRunFeedAnswersInTheSharedShape() {
        given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN)
                .when().get("/runs?limit=5")
                .then().statusCode(200).header("Content-Type", startsWith("application/json"));
        given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN)
                .when().get("/runs/20000101T000000Z-000000")
                .then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    void aSecretLoggedByMistakeReachesTheLogOnlyMasked() throws Exception {
        String marker = "contract-" + UUID.randomUUID();
        String key = CanarySecrets.value("openai_api_key");
        Logger.getLogger(ServiceContractTest.class).infof("%s: the key is %s", marker, key);
        String log = Files.readString(TestSecretsResource.LOG_FILE);
        assertThat(log).contains(marker + ": the key is sk-proj-…" + key.substring(key.length() - 4));
        CanarySecrets.assertNoLeak(log, "the service log");
    }
}
