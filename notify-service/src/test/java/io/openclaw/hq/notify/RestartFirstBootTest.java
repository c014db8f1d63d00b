package io.openclaw.hq.notify;

import static io.openclaw.hq.notify.NotifyTestSupport.postAlert;
import static io.openclaw.hq.notify.NotifyTestSupport.pushoverCalls;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.openclaw.hq.notify.model.Channel;
import io.openclaw.hq.notify.model.DeliveryOutcome;
import io.openclaw.hq.notify.model.NotificationKind;
import io.openclaw.hq.notify.model.Severity;
import io.openclaw.hq.notify.store.DeliveryStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * First half of the restart test: alerts on {@link #CHECK} before the restart. The second half,
 * {@link RestartedDryRunTest}, runs in a second boot of the service (a test profile; Quarkus runs
 * profile classes after the others) against the same PostgreSQL.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties",
        value = "quarkus.rest-client.pushover.url,notify.twilio.api-base-url"))
class RestartFirstBootTest {

    static final String CHECK = "restart.probe";

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    SecretResolver secrets;

    @Inject
    DeliveryStore deliveries;

    /** The id of a delivery left "sending", as a crash mid-send would leave it; set by this boot. */
    static final String IN_FLIGHT_PROPERTY = "openclaw-notify-test-in-flight-delivery";

    @Test
    void alertsBeforeTheRestart() {
        NotifyTestSupport.plantSmsSecrets(secrets.secretsDir());
        NotifyTestSupport.providersAccept(wireMock);
        postAlert(CHECK, "FAIL", "warning").statusCode(200).body("notification", equalTo("alert"));
        wireMock.verify(1, pushoverCalls());
        long inFlight = deliveries.insert(new DeliveryStore.NewDelivery(java.time.Instant.now(), null, CHECK,
                NotificationKind.ALERT, Channel.SMS, "+…0001", Severity.CRITICAL, "[FAIL] crash mid-send",
                DeliveryOutcome.SENDING, null));
        System.setProperty(IN_FLIGHT_PROPERTY, Long.toString(inFlight));
        System.setProperty(FirstBootDatabase.URL_PROPERTY, org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class));
    }
}
