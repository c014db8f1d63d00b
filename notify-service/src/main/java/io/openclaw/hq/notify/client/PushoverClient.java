package io.openclaw.hq.notify.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.notify.service.PushoverCredentials;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sends one Pushover message. 4xx answers are permanent ({@link ProviderRejectedException}: no retry,
 * and they do not trip the breaker); 5xx, timeouts and refused connections are retried with
 * exponential backoff, then surface as {@link ProviderUnavailableException}.
 */
@ApplicationScoped
public class PushoverClient {

    private final PushoverApi api;
    private final PushoverQuotaTracker quota;
    private final ObjectMapper json;

    public PushoverClient(@RestClient PushoverApi api, PushoverQuotaTracker quota, ObjectMapper json) {
        this.api = api;
        this.quota = quota;
        this.json = json;
    }

    /** @return Pushover's request id, the provider reference kept in the delivery log */
    @Timeout(10_000)
    // an open breaker is an answer, not a failure to retry: waiting out the backoff only delays the reply
    @Retry(maxRetries = 2, delay = 500, jitter = 0, abortOn = { ProviderRejectedException.class,
            CircuitBreakerOpenException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 5_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 30_000,
            skipOn = ProviderRejectedException.class)
    @CircuitBreakerName("pushover")
    public String send(PushoverMessage message, PushoverCredentials credentials) {
        Response response;
        try {
            response = api.send(message.toForm(credentials.token().reveal(), credentials.user().reveal()));
        } catch (ProcessingException e) {
            if (e.getCause() instanceof ProviderRejectedException || e.getCause() instanceof ProviderUnavailableException) {
                throw (RuntimeException) e.getCause();
            }
            throw ProviderErrors.noAnswer("Pushover did not answer: " + rootMessage(e));
        }
        try (response) {
            quota.record(response);
            return requestId(response.readEntity(String.class));
        }
    }

    private String requestId(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node.path("request").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
