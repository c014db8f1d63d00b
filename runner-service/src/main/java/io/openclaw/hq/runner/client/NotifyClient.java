package io.openclaw.hq.runner.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Sends alerts to notify-service, which owns rate limits and alert state. A failed delivery is an
 * answer ({@code false}) that the caller logs into the job's run, never an exception that would
 * change the job's outcome.
 */
@ApplicationScoped
public class NotifyClient {

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
