package io.openclaw.hq.notify;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.testing.WireMockResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the notify tests that talk to working providers share: the WireMock fakes answering 2xx,
 * the SMS secrets planted, every breaker closed. Subclasses carry the same test resources so they
 * share one Quarkus boot.
 */
abstract class ProvidersAcceptingTest {

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    SecretResolver secrets;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void providersUp() {
        NotifyTestSupport.plantSmsSecrets(secrets.secretsDir());
        NotifyTestSupport.providersAccept(wireMock);
        breakers.resetAll();
    }
}
