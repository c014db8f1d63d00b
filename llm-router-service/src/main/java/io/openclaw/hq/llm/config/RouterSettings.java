package io.openclaw.hq.llm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;
import java.util.Optional;

/** Quarkus-level settings of the router; the operator's routing choices live in config/llm.json. */
@ConfigMapping(prefix = "openclaw.llm")
public interface RouterSettings {

    /** {@code OPENCLAW_REVIEW_MODEL}: changes the review model, never the provider. */
    @WithName("review-model")
    Optional<String> reviewModel();

    /**
     * Replaces a provider's {@code apiBase} from llm.json (tests and the bench point every provider
     * at a fake upstream on loopback). Ollama's override must be loopback too.
     */
    @WithName("api-base-override")
    Map<String, String> apiBaseOverride();

    @WithName("connect-timeout-ms")
    @WithDefault("5000")
    int connectTimeoutMs();

    /** Keep-alive connections the router keeps open to one provider host at most. */
    @WithName("connections-per-provider")
    @WithDefault("64")
    int connectionsPerProvider();

    /**
     * Provider calls (whole answers, stream openings) the router carries at once. Unset: derived
     * from the heap, see {@link io.openclaw.hq.llm.client.CallAdmission}.
     */
    @WithName("max-calls-in-flight")
    Optional<Integer> maxCallsInFlight();

    /** Calls that may wait for a free place; unset: as many as may be in flight. */
    @WithName("max-calls-waiting")
    Optional<Integer> maxCallsWaiting();

    /** How long a call waits for a free place before it is refused with 429. */
    @WithName("admission-wait-ms")
    @WithDefault("50")
    long admissionWaitMs();

    Breaker breaker();

    interface Breaker {
        /** Calls in the rolling window before the breaker may open. */
        @WithName("request-volume")
        @WithDefault("20")
        int requestVolume();

        @WithName("failure-ratio")
        @WithDefault("0.5")
        double failureRatio();

        @WithName("delay-seconds")
        @WithDefault("30")
        int delaySeconds();
    }
}
