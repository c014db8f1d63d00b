package io.openclaw.hq.soma.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.soma.support.Api;
import io.openclaw.hq.soma.support.KajabiFake;
import io.openclaw.hq.soma.support.SomaCanaries;
import io.openclaw.hq.soma.support.SomaTestResources;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /soma/credentials/check, what {@code ./hq secrets doctor} calls for kajabi_* and gmail_*:
 * WireMock playing Kajabi's token endpoint, GreenMail the mailbox. Each failure has its error class,
 * a missing secret means no call, and no answer carries a credential even when Kajabi echoes them.
 */
@QuarkusTest
@SomaTestResources
class CredentialCheckTest {

    /** What Kajabi might send back in the worst case: the client credentials it was given. */
    static final String ECHO = "{\"error\":\"invalid_client\",\"client_id\":\"" + SomaCanaries.KAJABI_CLIENT_ID
            + "\",\"client_secret\":\"" + SomaCanaries.KAJABI_CLIENT_SECRET + "\"}";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    SecretResolver secrets;

    @BeforeEach
    void kajabiIssuesTokens() {
        wireMock.resetAll();
        new KajabiFake(wireMock, 2).token("kj-token-check0123456789", 3600);
    }

    static ValidatableResponse check(String provider) {
        ValidatableResponse response = Api.call().post("/soma/credentials/check?provider=" + provider).then();
        String body = response.extract().asString();
        CanarySecrets.assertNoLeak(body, "the check's answer " + body);
        assertThat(body).doesNotContain("kj-token-check0123456789");
        return response;
    }

    @Test
    void kajabiPassesWithOneTokenRequestCarryingTheClientCredentials() {
        check("kajabi").statusCode(200)
                .body("provider", equalTo("kajabi"))
                .body("result", equalTo("PASS"))
                .body("errorClass", nullValue());
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(KajabiFake.TOKEN_PATH))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + SomaCanaries.KAJABI_CLIENT_ID)));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void kajabiFailuresHaveTheirErrorClassAndOneCallEach() {
        record Case(int status, String errorClass) {
        }
        for (Case c : List.of(new Case(401, "auth_failed"), new Case(400, "auth_failed"), new Case(429, "rate_limited"),
                new Case(502, "provider_unavailable"))) {
            wireMock.resetAll();
            wireMock.stubFor(post(urlPathEqualTo(KajabiFake.TOKEN_PATH)).willReturn(aResponse().withStatus(c.status())
                    .withHeader("Content-Type", "application/json").withHeader("Retry-After", "1").withBody(ECHO)));
            check("kajabi").statusCode(200)
                    .body("result", equalTo("FAIL"))
                    .body("errorClass", equalTo(c.errorClass()))
                    .body("detail", containsString("HTTP " + c.status()));
            wireMock.verify(1, postRequestedFor(urlPathEqualTo(KajabiFake.TOKEN_PATH)));
        }
        wireMock.resetAll();
        wireMock.stubFor(post(urlPathEqualTo(KajabiFake.TOKEN_PATH)).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        check("kajabi").statusCode(200).body("result", equalTo("FAIL")).body("errorClass", equalTo("network"));
    }

    @Test
    void gmailPassesWithTheRightPasswordAndFailsWithAWrongOne() throws Exception {
        check("gmail").statusCode(200)
                .body("provider", equalTo("gmail"))
                .body("result", equalTo("PASS"))
                .body("detail", containsString("logged out"));
        Path password = secrets.secretsDir().resolve("gmail_app_password");
        String saved = Files.readString(password);
        Files.writeString(password, "wrong-app-password-123\n");
        try {
            check("gmail").statusCode(200)
                    .body("result", equalTo("FAIL"))
                    .body("errorClass", equalTo("auth_failed"));
        } finally {
            Files.writeString(password, saved);
        }
        check("gmail").statusCode(200).body("result", equalTo("PASS"));
    }

    @Test
    void aMissingSecretFailsWithoutAnyCall() throws Exception {
        Path secret = secrets.secretsDir().resolve("kajabi_client_secret");
        Path user = secrets.secretsDir().resolve("gmail_user");
        String savedSecret = Files.readString(secret);
        String savedUser = Files.readString(user);
        Files.delete(secret);
        Files.delete(user);
        try {
            check("kajabi").statusCode(200).body("result", equalTo("FAIL"))
                    .body("errorClass", equalTo("missing_secret"))
                    .body("detail", containsString("KAJABI_CLIENT_SECRET"));
            check("gmail").statusCode(200).body("result", equalTo("FAIL"))
                    .body("errorClass", equalTo("missing_secret"))
                    .body("detail", containsString("GMAIL_USER"));
        } finally {
            Files.writeString(secret, savedSecret);
            Files.writeString(user, savedUser);
        }
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUnknownOrMissingProviderIs400AndTheTokenIsRequired() {
        Api.call().post("/soma/credentials/check?provider=pushover").then().statusCode(400)
                .body("detail", containsString("kajabi, gmail"));
        Api.call().post("/soma/credentials/check").then().statusCode(400)
                .body("detail", containsString("provider is required"));
        given().post("/soma/credentials/check?provider=kajabi").then().statusCode(401);
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theServiceLogHoldsNoCredentialAfterChecks() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(KajabiFake.TOKEN_PATH)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody(ECHO)));
        String failed = check("kajabi").statusCode(200).body("errorClass", equalTo("auth_failed")).extract().asString();
        // the gateway's soma_credentials action reads this answer (a FAIL: every field present)
        io.openclaw.hq.testing.Contracts.record("soma-sync-service", "credential-check", "POST",
                "/soma/credentials/check?provider=kajabi", 200, failed);
        check("gmail").statusCode(200).body("result", equalTo("PASS"));
        CanarySecrets.assertNoLeak(Files.readString(TestSecretsResource.LOG_FILE), "the service log");
    }
}
