package io.openclaw.hq.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.openclaw.hq.notify.NotifyTestSupport.postAlert;
import static io.openclaw.hq.notify.NotifyTestSupport.postJson;
import static io.openclaw.hq.notify.NotifyTestSupport.pushoverCalls;
import static io.openclaw.hq.notify.NotifyTestSupport.pushoverPost;
import static io.openclaw.hq.notify.NotifyTestSupport.twilioCalls;
import static io.openclaw.hq.notify.NotifyTestSupport.twilioPost;
import static io.openclaw.hq.notify.NotifyTestSupport.uniqueCheck;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The providers fail and echo our credentials back in their error text, the worst case. Nothing of
 * the credentials may reach a response, the log, a delivery row or a run artifact.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties",
        value = "quarkus.rest-client.pushover.url,notify.twilio.api-base-url"))
class CanarySecretScanTest {

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    SecretResolver secrets;

    @Inject
    CircuitBreakerMaintenance breakers;

    /** The service's own datasource: the test kit's static server handle may belong to another class loader. */
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void providersEchoCredentialsInTheirErrors() {
        NotifyTestSupport.plantSmsSecrets(secrets.secretsDir());
        wireMock.resetAll();
        breakers.resetAll();
        wireMock.stubFor(pushoverPost().willReturn(aResponse().withStatus(400).withBody(
                "{\"token\":\"invalid\",\"errors\":[\"application token " + CanarySecrets.value("pushover_token")
                        + " is invalid for user " + CanarySecrets.value("pushover_user") + "\"],\"status\":0}")));
        wireMock.stubFor(twilioPost().willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":20003,\"message\":\"Authenticate: account " + CanarySecrets.value("twilio_account_sid")
                        + " with token " + CanarySecrets.value("twilio_auth_token") + " rejected\",\"more_info\":"
                        + "\"https://www.twilio.com/docs/errors/20003\",\"status\":401}")));
    }

    @Test
    void aFailingSendLeaksNothingAnywhere() throws Exception {
        List<String> responses = new ArrayList<>();
        String check = uniqueCheck("canary");
        responses.add(postAlert(check, "FAIL", "emergency").statusCode(200).extract().asString());
        responses.add(postJson("/messages/sms", Map.of("to", NotifyTestSupport.ALLOWED_NUMBER, "body", "hi"))
                .statusCode(200).extract().asString());
        for (String path : List.of("/deliveries?limit=20", "/status", "/runs?limit=20", "/maintenance")) {
            responses.add(given().header(NotifyTestSupport.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                    .when().get(path).then().statusCode(200).extract().asString());
        }

        // the credentials were really used, and really echoed: otherwise this test proves nothing
        wireMock.verify(1, pushoverCalls().withRequestBody(containing(CanarySecrets.value("pushover_token"))));
        wireMock.verify(2, twilioCalls().withUrl("/2010-04-01/Accounts/" + CanarySecrets.value("twilio_account_sid")
                + "/Messages.json"));
        assertThat(responses.get(0)).contains("failed").contains("is invalid for user").contains("HTTP 400");
        assertThat(responses.get(1)).contains("failed").contains("HTTP 401").contains("20003");

        for (String response : responses) {
            CanarySecrets.assertNoLeak(response, "a response: " + response);
        }
        assertThat(scanSchema("notify")).as("rows scanned, the failed deliveries among them").isGreaterThan(2);
        assertThat(Files.exists(TestSecretsResource.LOG_FILE)).isTrue();
        CanarySecrets.assertNoLeak(Files.readString(TestSecretsResource.LOG_FILE), "the service log");
        CanarySecrets.assertNoLeakInTree(java.nio.file.Path.of(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("openclaw.artifacts.root", String.class)));
    }

    /** Every row of every table in the schema, read as text and scanned; returns how many rows. */
    private int scanSchema(String schema) throws Exception {
        int rows = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("deliveries", "alert_state", "runs");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + schema + "\".\"" + table + "\" t")) {
                    while (rs.next()) {
                        CanarySecrets.assertNoLeak(rs.getString(1), schema + "." + table);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }
}
