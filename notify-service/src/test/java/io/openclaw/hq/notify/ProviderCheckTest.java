package io.openclaw.hq.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POST /providers/{pushover|twilio}/check, what {@code ./hq secrets doctor} calls: the lightest
 * authenticated call per provider against WireMock; each failure mapped to its error class; a
 * missing credential fails without a call; no answer ever carries a credential, even when the
 * provider echoes them.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties",
        value = "quarkus.rest-client.pushover.url,notify.twilio.api-base-url"))
class ProviderCheckTest extends ProvidersAcceptingTest {

    static final String VALIDATE_PATH = "/1/users/validate.json";
    static final String ACCOUNT_PATH = "/2010-04-01/Accounts/" + CanarySecrets.value("twilio_account_sid") + ".json";
    /** What a provider might send back in the worst case: every credential it was given. */
    static final String ECHO = "{\"token\":\"" + CanarySecrets.value("pushover_token") + "\",\"user\":\""
            + CanarySecrets.value("pushover_user") + "\",\"sid\":\"" + CanarySecrets.value("twilio_account_sid")
            + "\",\"auth\":\"" + CanarySecrets.value("twilio_auth_token") + "\",\"status\":1}";

    private final List<String> answers = new ArrayList<>();

    static MappingBuilder validate() {
        return post(urlPathEqualTo(VALIDATE_PATH));
    }

    static MappingBuilder account() {
        return get(urlPathEqualTo(ACCOUNT_PATH));
    }

    static ResponseDefinitionBuilder answer(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(ECHO);
    }

    ValidatableResponse check(String provider) {
        ValidatableResponse response = given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                .when().post("/providers/" + provider + "/check").then();
        String body = response.extract().asString();
        answers.add(body);
        CanarySecrets.assertNoLeak(body, "the check's answer " + body);
        return response;
    }

    @Test
    void pushoverPassesWithTheLightestCallCarryingTokenAndUser() {
        wireMock.stubFor(validate().willReturn(answer(200)));
        check("pushover").statusCode(200)
                .body("provider", equalTo("pushover"))
                .body("result", equalTo("PASS"))
                .body("errorClass", nullValue());
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(VALIDATE_PATH))
                .withRequestBody(containing("token=" + CanarySecrets.value("pushover_token")))
                .withRequestBody(containing("user=" + CanarySecrets.value("pushover_user"))));
        // a check sends nothing to anyone
        wireMock.verify(0, NotifyTestSupport.pushoverCalls());
    }

    @Test
    void twilioPassesWithOneGetOfTheAccountUnderBasicAuth() {
        wireMock.stubFor(account().willReturn(answer(200)));
        check("twilio").statusCode(200)
                .body("provider", equalTo("twilio"))
                .body("result", equalTo("PASS"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNT_PATH)).withBasicAuth(
                new com.github.tomakehurst.wiremock.client.BasicCredentials(CanarySecrets.value("twilio_account_sid"),
                        CanarySecrets.value("twilio_auth_token"))));
        wireMock.verify(0, NotifyTestSupport.twilioCalls());
    }

    @Test
    void eachFailureHasItsErrorClassAndOneCallWithoutRetry() {
        record Case(int status, String errorClass) {
        }
        for (Case c : List.of(new Case(400, "auth_failed"), new Case(401, "auth_failed"), new Case(429, "rate_limited"),
                new Case(503, "provider_unavailable"))) {
            wireMock.resetAll();
            wireMock.stubFor(validate().willReturn(answer(c.status())));
            wireMock.stubFor(account().willReturn(answer(c.status())));
            for (String provider : List.of("pushover", "twilio")) {
                check(provider).statusCode(200)
                        .body("result", equalTo("FAIL"))
                        .body("errorClass", equalTo(c.errorClass()))
                        .body("detail", containsString("HTTP " + c.status()));
            }
            wireMock.verify(1, postRequestedFor(urlPathEqualTo(VALIDATE_PATH)));
            wireMock.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNT_PATH)));
        }
    }

    @Test
    void aProviderThatDropsTheConnectionIsANetworkFailure() {
        wireMock.stubFor(validate().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wireMock.stubFor(account().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        check("pushover").statusCode(200).body("result", equalTo("FAIL")).body("errorClass", equalTo("network"));
        check("twilio").statusCode(200).body("result", equalTo("FAIL")).body("errorClass", equalTo("network"));
    }

    @Test
    void aMissingCredentialFailsWithoutAnyCall() throws Exception {
        Path user = secrets.secretsDir().resolve("pushover_user");
        Path token = secrets.secretsDir().resolve("twilio_auth_token");
        String savedUser = Files.readString(user);
        String savedToken = Files.readString(token);
        Files.delete(user);
        Files.delete(token);
        try {
            check("pushover").statusCode(200).body("result", equalTo("FAIL"))
                    .body("errorClass", equalTo("missing_secret"))
                    .body("detail", containsString("PUSHOVER_USER"));
            check("twilio").statusCode(200).body("result", equalTo("FAIL"))
                    .body("errorClass", equalTo("missing_secret"))
                    .body("detail", containsString("TWILIO_AUTH_TOKEN"));
        } finally {
            Files.writeString(user, savedUser);
            Files.writeString(token, savedToken);
        }
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUnknownProviderIs404AndTheTokenIsRequired() {
        given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                .when().post("/providers/carrier-pigeon/check").then().statusCode(404)
                .body("detail", containsString("pushover, twilio"));
        given().when().post("/providers/pushover/check").then().statusCode(401);
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void noAnswerAndNoLogLineCarriesACredential() throws Exception {
        wireMock.stubFor(validate().willReturn(answer(400)));
        wireMock.stubFor(account().willReturn(answer(401)));
        String failed = check("pushover").statusCode(200).body("errorClass", equalTo("auth_failed")).extract().asString();
        // the gateway's notify_credentials action reads this answer (a FAIL: every field present)
        io.openclaw.hq.testing.Contracts.record("notify-service", "provider-check", "POST", "/providers/pushover/check", 200,
                failed);
        check("twilio").statusCode(200).body("errorClass", equalTo("auth_failed"));
        // the credentials were really sent (and echoed back): otherwise the scan proves nothing
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(VALIDATE_PATH))
                .withRequestBody(containing(CanarySecrets.value("pushover_token"))));
        assertThat(answers).hasSize(2).allSatisfy(a -> assertThat(a).doesNotContain("\"status\":1"));
        CanarySecrets.assertNoLeak(Files.readString(TestSecretsResource.LOG_FILE), "the service log");
    }
}
