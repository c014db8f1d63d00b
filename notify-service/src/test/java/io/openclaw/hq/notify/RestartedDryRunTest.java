package io.openclaw.hq.notify;

import static io.openclaw.hq.notify.NotifyTestSupport.postAlert;
import static io.openclaw.hq.notify.NotifyTestSupport.postJson;
import static io.openclaw.hq.notify.NotifyTestSupport.uniqueCheck;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.notify.store.AlertStateStore;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second boot of the service, in dry-run mode: the rate limit set before the restart still holds
 * (state lives in PostgreSQL: the same server the first boot wrote to, see {@link FirstBootDatabase}),
 * and dry-run does everything but the network call.
 */
@QuarkusTest
@TestProfile(RestartedDryRunTest.DryRun.class)
@WithTestResource(FirstBootDatabase.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties",
        value = "quarkus.rest-client.pushover.url,notify.twilio.api-base-url"))
class RestartedDryRunTest {

    public static class DryRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notify.dry-run", "true");
        }
    }

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    SecretResolver secrets;

    @Inject
    AlertStateStore states;

    @BeforeEach
    void providersUp() {
        NotifyTestSupport.plantSmsSecrets(secrets.secretsDir());
        NotifyTestSupport.providersAccept(wireMock);
    }

    @Test
    void theRateLimitSurvivesTheRestart() {
        Assumptions.assumeTrue(states.find(RestartFirstBootTest.CHECK).isPresent(),
                "runs after RestartFirstBootTest in the same JVM");
        postAlert(RestartFirstBootTest.CHECK, "FAIL", "warning").statusCode(200)
                .body("suppressed", equalTo("rate limit"));
        wireMock.verify(0, NotifyTestSupport.pushoverCalls());
    }

    @Test
    void aDeliveryLeftSendingByTheFirstBootIsMarkedInterrupted() {
        String id = System.getProperty(RestartFirstBootTest.IN_FLIGHT_PROPERTY);
        Assumptions.assumeTrue(id != null, "runs after RestartFirstBootTest in the same JVM");
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().get("/deliveries?limit=500")
                .then().statusCode(200)
                .body("find { it.id == " + id + " }.status", equalTo("interrupted"))
                .body("find { it.id == " + id + " }.error", org.hamcrest.Matchers.containsString("may or may not have arrived"));
    }

    @Test
    void dryRunRecordsEverythingButCallsNoProvider() {
        String check = uniqueCheck("dry");
        postAlert(check, "FAIL", "critical").statusCode(200)
                .body("notification", equalTo("alert"))
                .body("channels.channel", contains("pushover", "sms"))
                .body("channels.outcome", everyItem(equalTo("dry_run")));
        postJson("/messages/sms", Map.of("to", NotifyTestSupport.ALLOWED_NUMBER, "body", "dry"))
                .statusCode(200).body("delivery.outcome", equalTo("dry_run"));
        wireMock.verify(0, NotifyTestSupport.pushoverCalls());
        wireMock.verify(0, NotifyTestSupport.twilioCalls());
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().get("/deliveries?limit=3")
                .then().statusCode(200).body("status", everyItem(equalTo("dry_run")));
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().get("/status")
                .then().statusCode(200).body("dryRun", equalTo(true));
    }
}
