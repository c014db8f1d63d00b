package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/** One backend's REST client behind its circuit breaker; {@code A} is that service's API. */
public interface BackendClient<A extends RunsApi> {

    Backend backend();

    BackendReply call(Function<A, JsonNode> request);
}
