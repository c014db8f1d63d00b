package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.RouterContract;
import io.openclaw.hq.platform.errors.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The AI side as JSON: providers with masked keys and fingerprints only, the review gate; the router's status. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AiStatusResource {

    /** {@code GET /api/ai-status}. {@code reason} only when the router could not be read. */
    @RegisterForReflection
    public record AiStatus(String source, boolean available, String reason, List<AiProvider> providers,
            ReviewGate reviewGate) {
    }

    /** A provider: its state ("disabled" when it is), and its key as masked form and fingerprint, never the key. */
    @RegisterForReflection
    public record AiProvider(String name, boolean enabled, String state, String keyMasked, String keyFingerprint,
            String keySource, String breaker) {
    }

    @RegisterForReflection
    public record ReviewGate(String mode, String provider, String model, String breaker, RouterContract.Fallback fallback,
            Integer failedClosedLast24h) {
    }

    private final Panels panels;

    public AiStatusResource(Panels panels) {
        this.panels = panels;
    }

    @GET
    @Path("/ai-status")
    public AiStatus aiStatus() {
        BackendReply<RouterContract.Status> reply = panels.routerStatus();
        String source = reply.backend().serviceName();
        if (!reply.isOk()) {
            return new AiStatus(source, false, reply.reason(), List.of(), null);
        }
        RouterContract.Status status = reply.value();
        List<AiProvider> providers = new ArrayList<>();
        for (Map.Entry<String, RouterContract.Provider> e : status.providers().entrySet()) {
            RouterContract.Provider p = e.getValue();
            providers.add(new AiProvider(e.getKey(), p.enabled(), p.enabled() ? p.state() : "disabled", p.keyMasked(),
                    p.keyFingerprint(), p.keySource(), p.breaker()));
        }
        RouterContract.Router router = status.router();
        RouterContract.ReviewGateState state = router == null ? null : router.reviewGateState();
        ReviewGate gate = router == null ? null
                : new ReviewGate(router.reviewGate(), router.reviewProvider(), router.reviewModel(),
                        state == null ? null : state.pinnedBreaker(), router.reviewFallback(),
                        state == null ? null : state.failedClosedLast24h());
        return new AiStatus(source, true, null, providers, gate);
    }

    /** The router's own status document as read into its contract, or 503 naming why it could not be read. */
    @GET
    @Path("/llm/status")
    public RouterContract.Status llmStatus() {
        BackendReply<RouterContract.Status> reply = panels.routerStatus();
        if (!reply.isOk()) {
            throw new ProblemException(503, "service unavailable", reply.reason());
        }
        return reply.value();
    }
}
