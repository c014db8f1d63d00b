package io.openclaw.hq.soma.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Workflow alerts to notify-service, which owns rate limits and alert state. A run's result does
 * not depend on an alert getting through: a failure is answered {@code false} and logged.
 */
@ApplicationScoped
public class NotifyClient {

    public static final String SOURCE = "soma";
    private static final Logger LOG = Logger.getLogger(NotifyClient.class);

    private final NotifyApi api;

    public NotifyClient(@RestClient NotifyApi api) {
        this.api = api;
    }

    public boolean send(AlertRequest alert) {
        try (Response response = api.send(alert)) {
            return response.getStatus() / 100 == 2;
        } catch (RuntimeException e) {
            LOG.warnf("alert %s (%s) not delivered to notify-service: %s", alert.checkId(), alert.status(),
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
