package io.openclaw.hq.notify;

import static io.openclaw.hq.notify.NotifyTestSupport.postAlert;
import static io.openclaw.hq.notify.NotifyTestSupport.uniqueCheck;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code GET /status} and {@code GET /deliveries}: what an operator may see. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties",
        value = "quarkus.rest-client.pushover.url,notify.twilio.api-base-url"))
class StatusTest extends ProvidersAcceptingTest {

    @Test
    void statusShowsMaskedCredentialsFingerprintsAndThePushoverQuota() {
        postAlert(uniqueCheck("quota"), "FAIL", "warning").body("channels[0].outcome", equalTo("sent"));
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().get("/status")
                .then().statusCode(200)
                .body("dryRun", equalTo(false))
                .body("pushover.configured", equalTo(true))
                .body("pushover.credentials.name", org.hamcrest.Matchers.contains("PUSHOVER_TOKEN", "PUSHOVER_USER"))
                .body("pushover.credentials.masked", org.hamcrest.Matchers.contains("…6789", "…2101"))
                .body("pushover.credentials.fingerprint", everyItem(matchesPattern("sha256:[0-9a-f]{16}")))
                .body("pushover.quota.limit", equalTo(10000))
                .body("pushover.quota.remaining", equalTo(9876))
                .body("pushover.quota.resetsAt", startsWith("2027-01-01"))
                .body("sms.configured", equalTo(true))
                .body("sms.allowlistedNumbers", equalTo(1))
                .body("sms.credentials", hasSize(3))
                .body("pushover.state", equalTo("ready"))
                .body("pushover.breaker", equalTo("closed"))
                .body("pushover.last24h.byStatus.sent", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("pushover.last24h.lastSentAt", startsWith("20"))
                .body("sms.state", equalTo("ready"));
    }

    @Test
    void theDeliveryLogIsNewestFirstAndBounded() {
        String check = uniqueCheck("log");
        postAlert(check, "FAIL", "critical").body("channels", hasSize(2));
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().get("/deliveries?limit=2")
                .then().statusCode(200).body("", hasSize(2))
                .body("checkId", everyItem(equalTo(check)))
                .body("kind", everyItem(equalTo("alert")))
                .body("status", everyItem(equalTo("sent")))
                .body("find { it.channel == 'sms' }.recipient", equalTo("+…0001"))
                .body("find { it.channel == 'sms' }.providerReference", startsWith("SM"));
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().get("/deliveries?limit=0")
                .then().statusCode(400);
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().get("/deliveries?limit=501")
                .then().statusCode(400);
    }

    /**
     * The answers hq-gateway (and doctor-service, for /alerts) read, recorded from this service's
     * real answers as contract files (contracts/notify-service/*.json) that their tests replay.
     */
    @Test
    void theAnswersTheGatewayReadsKeepTheirRecordedShape() {
        postAlert(uniqueCheck("contract-sent"), "FAIL", "warning").body("delivery", equalTo("delivered"));
        wireMock.stubFor(NotifyTestSupport.pushoverPost().willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withStatus(400).withBody("{\"user\":\"invalid\",\"errors\":[\"user identifier is not valid\"],\"status\":0}")));
        io.restassured.response.Response alert = given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                .contentType("application/json").body(java.util.Map.of("checkId", uniqueCheck("contract"), "status", "FAIL",
                        "severity", "critical", "title", "disk almost full", "message", "/ is at 93%", "source", "doctor"))
                .when().post("/alerts");
        assertThat(alert.jsonPath().getString("delivery")).isEqualTo("delivered");
        assertThat(alert.jsonPath().getString("why")).contains("pushover");
        record("alert", "POST", "/alerts", alert);
        String runId = alert.path("runId");

        io.restassured.response.Response deliveries = get("/deliveries?limit=10");
        assertThat(deliveries.jsonPath().getList("status")).contains("sent", "failed");
        record("deliveries", "GET", "/deliveries?limit=10", deliveries);
        io.restassured.response.Response status = get("/status");
        assertThat(status.jsonPath().getMap("pushover.last24h.byStatus")).containsKeys("sent", "failed");
        record("status", "GET", "/status", status);
        record("runs", "GET", "/runs?limit=5", get("/runs?limit=5"));
        record("run", "GET", "/runs/{runId}", get("/runs/" + runId));
        record("run-log", "GET", "/runs/{runId}/log?after=0", get("/runs/" + runId + "/log?after=0"));
    }

    private static io.restassured.response.Response get(String path) {
        return given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().get(path);
    }

    private static void record(String name, String method, String path, io.restassured.response.Response answer) {
        io.openclaw.hq.testing.Contracts.record("notify-service", name, method, path, answer.statusCode(), answer.asString());
    }
}
