package io.openclaw.hq.notify;

import static io.openclaw.hq.notify.NotifyTestSupport.postAlert;
import static io.openclaw.hq.notify.NotifyTestSupport.uniqueCheck;
import static io.restassured.RestAssured.given;
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
}
