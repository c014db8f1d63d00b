package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** One backend's REST client for panel reads, behind its circuit breaker; {@code A} is that service's API. */
public interface BackendClient<A extends RunsApi> {

    Backend backend();

    BackendReply<JsonNode> call(Function<A, Response> request);
}
