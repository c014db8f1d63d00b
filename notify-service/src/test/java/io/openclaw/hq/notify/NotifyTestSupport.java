package io.openclaw.hq.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.openclaw.hq.testing.CanarySecrets;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Shared by the notify-service tests: the fake providers, the SMS secrets, and a short way to post an alert. */
final class NotifyTestSupport {

    static final String TOKEN_HEADER = "X-HQ-Internal-Token";
    static final String FROM_NUMBER = "+15550100000";
    static final String ALLOWED_NUMBER = "+15550100001";
    static final String OTHER_NUMBER = "+15550199999";
    static final String PUSHOVER_PATH = "/1/messages.json";
    static final String TWILIO_PATH = "/2010-04-01/Accounts/[^/]+/Messages.json";

    private NotifyTestSupport() {
    }

    /** The two SMS secrets the shared canary set does not hold. */
    static void plantSmsSecrets(Path secretsDir) {
        write(secretsDir.resolve("twilio_from_number"), FROM_NUMBER);
        write(secretsDir.resolve("sms_allowlist"), ALLOWED_NUMBER);
    }

    static void write(Path file, String value) {
        try {
            Files.writeString(file, value + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MappingBuilder pushoverPost() {
        return post(urlPathEqualTo(PUSHOVER_PATH));
    }

    static MappingBuilder twilioPost() {
        return post(urlPathMatching(TWILIO_PATH));
    }

    static RequestPatternBuilder pushoverCalls() {
        return postRequestedFor(urlPathEqualTo(PUSHOVER_PATH));
    }

    static RequestPatternBuilder twilioCalls() {
        return postRequestedFor(urlPathMatching(TWILIO_PATH));
    }

    static ResponseDefinitionBuilder pushoverAccepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("X-Limit-App-Limit", "10000")
                .withHeader("X-Limit-App-Remaining", "9876")
                .withHeader("X-Limit-App-Reset", "1798761600")
                .withBody("{\"status\":1,\"request\":\"" + UUID.randomUUID() + "\"}");
    }

    static ResponseDefinitionBuilder twilioAccepted() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                        + "\",\"status\":\"queued\",\"to\":\"" + ALLOWED_NUMBER + "\"}");
    }

    /** Both providers accept everything. */
    static void providersAccept(WireMockServer wireMock) {
        wireMock.resetAll();
        wireMock.stubFor(pushoverPost().willReturn(pushoverAccepted()));
        wireMock.stubFor(twilioPost().willReturn(twilioAccepted()));
    }

    static String uniqueCheck(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse postAlert(String checkId, String status, String severity) {
        return postJson("/alerts", Map.of("checkId", checkId, "status", status, "severity", severity,
                "title", "disk almost full", "message", "/ is at 93%", "source", "doctor"));
    }

    static ValidatableResponse postJson(String path, Object body) {
        return given().header(TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).contentType(ContentType.JSON).body(body)
                .when().post(path).then();
    }
}
