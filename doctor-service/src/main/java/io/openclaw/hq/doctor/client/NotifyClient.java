package io.openclaw.hq.doctor.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Sends alerts to notify-service. notify owns rate limits and alert state; the guard only needs to
 * know whether an alert got there, so a failure is an answer ({@code false}) that the guard logs,
 * never an exception that would stop the guard from doing its job.
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
            // a 4xx/5xx answer is thrown as WebApplicationException, a dead service as ProcessingException
            LOG.warnf("alert %s (%s) not delivered to notify-service: %s", alert.checkId(), alert.status(),
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
