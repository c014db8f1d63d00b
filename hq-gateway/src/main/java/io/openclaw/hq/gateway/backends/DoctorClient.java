package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Every call to doctor-service goes through this one method, so the service has one circuit breaker:
 * after half of four calls fail it stays open for five seconds and calls answer "unavailable" at
 * once. The per-call timeout (about a second) is the REST client's, set in application.properties.
 */
@ApplicationScoped
public class DoctorClient implements BackendClient<DoctorApi> {

    private final DoctorApi api;

    public DoctorClient(@RestClient DoctorApi api) {
        this.api = api;
    }

    @Override
    public Backend backend() {
        return Backend.DOCTOR;
    }

    @Override
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
            failOn = BackendUnavailableException.class)
    @CircuitBreakerName("doctor-service")
    public BackendReply<JsonNode> call(Function<DoctorApi, Response> request) {
        return BackendCalls.invoke(Backend.DOCTOR, () -> request.apply(api));
    }
}
