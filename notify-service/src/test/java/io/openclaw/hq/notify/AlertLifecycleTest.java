package io.openclaw.hq.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.openclaw.hq.notify.NotifyTestSupport.postAlert;
import static io.openclaw.hq.notify.NotifyTestSupport.pushoverCalls;
import static io.openclaw.hq.notify.NotifyTestSupport.twilioCalls;
import static io.openclaw.hq.notify.NotifyTestSupport.uniqueCheck;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every state transition of an alert, end to end: REST in, PostgreSQL state, WireMock providers out. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties",
        value = "quarkus.rest-client.pushover.url,notify.twilio.api-base-url"))
class AlertLifecycleTest extends ProvidersAcceptingTest {

    @Inject
    ShiftableClock clock;

    @Test
    void firstFailAlertsOnEveryRoutedChannelThenTheSameFailIsRateLimited() {
        String check = uniqueCheck("disk");
        postAlert(check, "FAIL", "critical").statusCode(200)
                .body("notification", equalTo("alert"))
                .body("runId", notNullValue())
                .body("channels.channel", contains("pushover", "sms"))
                .body("channels.outcome", everyItem(equalTo("sent")));
        wireMock.verify(1, pushoverCalls().withRequestBody(containing("priority=1"))
                .withRequestBody(containing("title=%5BFAIL%5D+disk+almost+full")));
        wireMock.verify(1, twilioCalls().withRequestBody(containing("To=%2B15550100001"))
                .withRequestBody(containing("From=%2B15550100000")));

        postAlert(check, "FAIL", "critical").statusCode(200)
                .body("notification", nullValue())
                .body("suppressed", equalTo("rate limit"))
                .body("channels.outcome", everyItem(equalTo("suppressed")))
                .body("channels.reason", everyItem(equalTo("rate limit")));
        wireMock.verify(1, pushoverCalls());
        wireMock.verify(1, twilioCalls());
    }

    @Test
    void stillFailingAfterTheReminderIntervalSendsOneReminderThenOkSendsResolved() {
        String check = uniqueCheck("api");
        postAlert(check, "FAIL", "warning").body("notification", equalTo("alert"));

        clock.advance(Duration.ofMinutes(45));
        postAlert(check, "FAIL", "warning").body("suppressed", equalTo("unchanged state"));

        clock.advance(Duration.ofHours(6));
        postAlert(check, "FAIL", "warning").body("notification", equalTo("reminder"))
                .body("channels.outcome", contains("sent"));
        postAlert(check, "FAIL", "warning").body("suppressed", equalTo("rate limit"));
        wireMock.verify(1, pushoverCalls().withRequestBody(containing("still+failing")));

        postAlert(check, "OK", "info").body("notification", equalTo("resolved"))
                .body("channels.channel", contains("pushover"))
                .body("channels.outcome", contains("sent"));
        postAlert(check, "OK", "info").body("suppressed", equalTo("unchanged state"))
                .body("channels", empty());
        wireMock.verify(3, pushoverCalls());
        wireMock.verify(1, pushoverCalls().withRequestBody(containing("resolved")));
        wireMock.verify(0, twilioCalls());
    }

    @Test
    void okForACheckNeverSeenFailingSendsNothing() {
        postAlert(uniqueCheck("fresh"), "OK", "critical").statusCode(200)
                .body("suppressed", equalTo("unchanged state"));
        wireMock.verify(0, pushoverCalls());
    }

    @Test
    void flappingCollapsesIntoOneFlappingAlert() {
        String check = uniqueCheck("flap");
        postAlert(check, "FAIL", "warning").body("notification", equalTo("alert"));
        postAlert(check, "OK", "warning").body("notification", equalTo("resolved"));
        postAlert(check, "FAIL", "warning").body("suppressed", equalTo("rate limit"));
        postAlert(check, "OK", "warning").body("suppressed", equalTo("unchanged state"));
        postAlert(check, "FAIL", "warning").body("notification", equalTo("flapping"));
        postAlert(check, "OK", "warning").body("suppressed", equalTo("flapping"));
        postAlert(check, "FAIL", "warning").body("suppressed", equalTo("flapping"));
        wireMock.verify(1, pushoverCalls().withRequestBody(containing("%5Bflapping%5D")));
        wireMock.verify(3, pushoverCalls());

        // stable for a whole flapping window: the operator hears the state it settled in, once
        clock.advance(Duration.ofMinutes(61));
        postAlert(check, "FAIL", "warning").body("notification", equalTo("alert"));
        postAlert(check, "FAIL", "warning").body("suppressed", equalTo("rate limit"));
        wireMock.verify(4, pushoverCalls());
    }

    @Test
    void routingFollowsSeverity() {
        postAlert(uniqueCheck("info"), "FAIL", "info").body("notification", equalTo("alert"))
                .body("channels", empty());
        postAlert(uniqueCheck("warn"), "WARN", "warning").body("channels.channel", contains("pushover"));
        postAlert(uniqueCheck("emerg"), "FAIL", "emergency").body("channels.channel", contains("pushover", "sms"));
        wireMock.verify(2, pushoverCalls());
        wireMock.verify(1, pushoverCalls().withRequestBody(containing("priority=2"))
                .withRequestBody(containing("retry=60")).withRequestBody(containing("expire=3600")));
        wireMock.verify(1, twilioCalls());
    }

    @Test
    void nothingSentCarriesACallbackUrl() {
        postAlert(uniqueCheck("outbound"), "FAIL", "emergency").body("notification", equalTo("alert"));
        wireMock.verify(1, pushoverCalls().withRequestBody(notContaining("callback"))
                .withRequestBody(notContaining("url=")));
        wireMock.verify(1, twilioCalls().withRequestBody(notContaining("StatusCallback"))
                .withRequestBody(notContaining("Callback")));
    }

    @Test
    void aLongMessageIsCutWithAVisibleMarkerNotRefused() {
        String longMessage = "x".repeat(3000);
        NotifyTestSupport.postJson("/alerts", java.util.Map.of("checkId", uniqueCheck("long"), "status", "FAIL",
                "severity", "critical", "title", "long", "message", longMessage, "source", "doctor"))
                .statusCode(200).body("channels.outcome", everyItem(equalTo("sent")));
        wireMock.verify(1, pushoverCalls().withRequestBody(containing("%E2%80%A6%5Btruncated%5D")));
        wireMock.verify(1, twilioCalls().withRequestBody(containing("%E2%80%A6%5Btruncated%5D")));
        String pushoverMessage = wireMock.findAll(pushoverCalls()).get(0).formParameter("message").firstValue();
        String smsBody = wireMock.findAll(twilioCalls()).get(0).formParameter("Body").firstValue();
        org.assertj.core.api.Assertions.assertThat(pushoverMessage).hasSize(1024).endsWith("…[truncated]");
        org.assertj.core.api.Assertions.assertThat(smsBody).hasSize(1600).endsWith("…[truncated]");
    }

    @Test
    void badInputIsA400ThatSaysWhatWasWrong() {
        NotifyTestSupport.postJson("/alerts", java.util.Map.of("checkId", "a b", "status", "FAIL",
                "severity", "critical", "title", "t", "source", "doctor"))
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("checkId"));
        NotifyTestSupport.postJson("/alerts", java.util.Map.of("checkId", "x", "status", "BROKEN",
                "severity", "critical", "title", "t", "source", "doctor"))
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("status"));
        NotifyTestSupport.postJson("/alerts", java.util.Map.of("checkId", "x", "status", "FAIL",
                "severity", "critical", "title", "t", "source", "doctor", "callbackUrl", "http://evil"))
                .statusCode(400).body("title", equalTo("unknown field"))
                .body("detail", org.hamcrest.Matchers.containsString("callbackUrl"));
        NotifyTestSupport.postJson("/alerts", java.util.Map.of("checkId", "x", "status", "FAIL", "severity", "loud",
                "title", "t", "source", "doctor")).statusCode(400);
        NotifyTestSupport.postJson("/alerts", java.util.Map.of("checkId", "x", "status", "FAIL", "severity", "info",
                "source", "doctor")).statusCode(400).body("detail", org.hamcrest.Matchers.containsString("title is required"));
        wireMock.verify(0, pushoverCalls());
    }
}
