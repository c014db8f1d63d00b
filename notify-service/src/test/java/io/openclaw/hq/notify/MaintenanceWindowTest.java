package io.openclaw.hq.notify;

import static io.openclaw.hq.notify.NotifyTestSupport.postAlert;
import static io.openclaw.hq.notify.NotifyTestSupport.postJson;
import static io.openclaw.hq.notify.NotifyTestSupport.pushoverCalls;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Maintenance windows suppress matching checks, expire on their own, and send no burst when they end. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties",
        value = "quarkus.rest-client.pushover.url,notify.twilio.api-base-url"))
class MaintenanceWindowTest extends ProvidersAcceptingTest {

    @Inject
    ShiftableClock clock;

    @Test
    void aWindowSuppressesMatchingChecksAndEndsWithoutABurst() {
        String prefix = "maint" + UUID.randomUUID().toString().substring(0, 6);
        postJson("/maintenance", Map.of("checkIdPattern", prefix + ".*", "endsAt",
                clock.instant().plus(Duration.ofHours(1)).toString(), "reason", "kernel upgrade"))
                .statusCode(201).body("checkIdPattern", equalTo(prefix + ".*"))
                .body("createdBy", containsString("sha256:"));

        postAlert(prefix + ".disk", "FAIL", "critical").body("suppressed", equalTo("maintenance window"))
                .body("channels.reason", hasItem("maintenance window"));
        postAlert(prefix + ".disk", "OK", "critical").body("suppressed", equalTo("maintenance window"));
        postAlert(prefix + ".disk", "FAIL", "critical").body("suppressed", equalTo("maintenance window"));
        postAlert(prefix + ".api", "FAIL", "critical").body("suppressed", equalTo("maintenance window"));
        postAlert(prefix + ".api", "OK", "critical").body("suppressed", equalTo("maintenance window"));
        postAlert("other" + prefix, "FAIL", "warning").body("notification", equalTo("alert"));
        wireMock.verify(1, pushoverCalls());

        clock.advance(Duration.ofMinutes(61));
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().get("/maintenance")
                .then().statusCode(200).body("checkIdPattern", not(hasItem(prefix + ".*")));

        // still failing after the window: one alert; recovered inside the window: nothing at all
        postAlert(prefix + ".disk", "FAIL", "warning").body("notification", equalTo("alert"));
        postAlert(prefix + ".api", "OK", "warning").body("suppressed", equalTo("unchanged state"));
        wireMock.verify(2, pushoverCalls());
    }

    @Test
    void windowsCanBeListedAndClosedEarly() {
        String pattern = "close" + UUID.randomUUID().toString().substring(0, 6) + ".*";
        int id = postJson("/maintenance", Map.of("checkIdPattern", pattern, "endsAt",
                clock.instant().plus(Duration.ofHours(2)).toString()))
                .statusCode(201).extract().path("id");
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().get("/maintenance")
                .then().statusCode(200).body("checkIdPattern", hasItem(pattern));
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().delete("/maintenance/" + id)
                .then().statusCode(204);
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().delete("/maintenance/" + id)
                .then().statusCode(404);
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).when().get("/maintenance")
                .then().statusCode(200).body("checkIdPattern", not(hasItem(pattern)));
    }

    @Test
    void badWindowsAre400() {
        postJson("/maintenance", Map.of("checkIdPattern", "a b", "endsAt", clock.instant().plusSeconds(60).toString()))
                .statusCode(400).body("detail", containsString("checkIdPattern"));
        postJson("/maintenance", Map.of("checkIdPattern", "x.*", "endsAt", clock.instant().minusSeconds(60).toString()))
                .statusCode(400).body("detail", containsString("in the future"));
        postJson("/maintenance", Map.of("checkIdPattern", "x.*", "endsAt", clock.instant().plus(Duration.ofDays(30)).toString()))
                .statusCode(400).body("detail", containsString("at most"));
        postJson("/maintenance", Map.of("checkIdPattern", "x.*", "endsAt", "tomorrow"))
                .statusCode(400);
        postJson("/maintenance", Map.of("checkIdPattern", "x.*", "until", "2030-01-01T00:00:00Z"))
                .statusCode(400).body("title", equalTo("unknown field"));
    }
}
