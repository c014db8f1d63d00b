package io.openclaw.hq.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.openclaw.hq.notify.NotifyTestSupport.postJson;
import static io.openclaw.hq.notify.NotifyTestSupport.twilioCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /messages/sms}: only to allowlisted numbers, through twilio-java, cut rather than refused. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties",
        value = "quarkus.rest-client.pushover.url,notify.twilio.api-base-url"))
class SmsMessagesTest extends ProvidersAcceptingTest {

    @Test
    void anAllowlistedNumberGetsTheMessageWithTheAccountsBasicAuth() {
        postJson("/messages/sms", Map.of("to", NotifyTestSupport.ALLOWED_NUMBER, "body", "STATUS: all green"))
                .statusCode(200)
                .body("runId", notNullValue())
                .body("delivery.channel", equalTo("sms"))
                .body("delivery.outcome", equalTo("sent"))
                .body("delivery.recipient", equalTo("+…0001"));
        wireMock.verify(1, twilioCalls()
                .withUrl("/2010-04-01/Accounts/ACcanary0123456789abcdef0123456789/Messages.json")
                .withRequestBody(containing("Body=STATUS%3A+all+green"))
                .withRequestBody(containing("To=%2B15550100001"))
                .withRequestBody(notContaining("StatusCallback"))
                .withHeader("Authorization", containing("Basic ")));
    }

    @Test
    void anyOtherNumberIsRefusedWith403AndTwilioIsNeverCalled() {
        postJson("/messages/sms", Map.of("to", NotifyTestSupport.OTHER_NUMBER, "body", "hello"))
                .statusCode(403)
                .body("title", equalTo("forbidden"))
                .body("detail", containsString("not on SMS_ALLOWLIST"))
                .body("detail", not(containsString(NotifyTestSupport.OTHER_NUMBER)));
        wireMock.verify(0, twilioCalls());
    }

    @Test
    void withoutAnAllowlistNoNumberIsAllowed() throws Exception {
        java.nio.file.Path allowlist = secrets.secretsDir().resolve("sms_allowlist");
        java.nio.file.Files.delete(allowlist);
        try {
            postJson("/messages/sms", Map.of("to", NotifyTestSupport.ALLOWED_NUMBER, "body", "hello"))
                    .statusCode(403).body("detail", containsString("SMS_ALLOWLIST is not configured"));
        } finally {
            NotifyTestSupport.plantSmsSecrets(secrets.secretsDir());
        }
        wireMock.verify(0, twilioCalls());
    }

    @Test
    void badRequestsAre400() {
        postJson("/messages/sms", Map.of("to", "0170 123456", "body", "hello"))
                .statusCode(400).body("detail", containsString("E.164"));
        postJson("/messages/sms", Map.of("to", NotifyTestSupport.ALLOWED_NUMBER, "body", " "))
                .statusCode(400).body("detail", containsString("body is required"));
        postJson("/messages/sms", Map.of("to", NotifyTestSupport.ALLOWED_NUMBER, "body", "hi",
                "statusCallback", "https://example.invalid/cb"))
                .statusCode(400).body("title", equalTo("unknown field"))
                .body("detail", containsString("statusCallback"));
        wireMock.verify(0, twilioCalls());
    }

    @Test
    void aBodyOverTheSmsLimitIsCutWithAMarker() {
        postJson("/messages/sms", Map.of("to", NotifyTestSupport.ALLOWED_NUMBER, "body", "y".repeat(2000)))
                .statusCode(200).body("delivery.outcome", equalTo("sent"));
        String sent = wireMock.findAll(twilioCalls()).get(0).formParameter("Body").firstValue();
        assertThat(sent).hasSize(1600).endsWith("…[truncated]").startsWith("yyyy");
    }
}
