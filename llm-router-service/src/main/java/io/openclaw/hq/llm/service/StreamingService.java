package io.openclaw.hq.llm.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.client.LlmProvider;
import io.openclaw.hq.llm.client.ProviderGuards;
import io.openclaw.hq.llm.client.ProviderRegistry;
import io.openclaw.hq.llm.client.UpstreamStream;
import io.openclaw.hq.llm.config.LlmConfig;
import io.openclaw.hq.llm.config.LlmConfigHolder;
import io.openclaw.hq.llm.model.ProviderCall;
import io.openclaw.hq.llm.model.ProviderException;
import io.openclaw.hq.llm.model.Purpose;
import io.openclaw.hq.llm.model.ResolvedRoute;
import io.openclaw.hq.platform.errors.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * Opens a streamed completion: route, budget and the upstream's answer are settled before the
 * client sees a byte, so a refusal is still an ordinary error answer. What follows is relayed by
 * {@link StreamRelay}.
 */
@ApplicationScoped
public class StreamingService {

    private final LlmConfigHolder config;
    private final ModelRouter router;
    private final ProviderRegistry providers;
    private final ProviderGuards guards;
    private final CallAccounting accounting;

    public StreamingService(LlmConfigHolder config, ModelRouter router, ProviderRegistry providers,
            ProviderGuards guards, CallAccounting accounting) {
        this.config = config;
        this.router = router;
        this.providers = providers;
        this.guards = guards;
        this.accounting = accounting;
    }

    public StreamRelay open(CallContext ctx, ObjectNode request) {
        if (ctx.purpose() == Purpose.REVIEW) {
            throw ProblemException.badRequest("stream is not offered for purpose review: a verdict is checked whole");
        }
        LlmConfig current = config.require();
        ResolvedRoute route = router.resolve(ctx.purpose());
        if (request.hasNonNull("model") && !request.get("model").asText().isBlank()) {
            route = new ResolvedRoute(route.provider(), request.get("model").asText());
        }
        LlmProvider provider = providers.enabled(route.provider());
        ProviderCall call = CompletionService.prepare(current, ctx.purpose(), route, request, true);
        CallAccounting.Hold hold = accounting.reserve(current, ctx, route, call.promptChars(), call.maxOutputTokens());
        try {
            UpstreamStream upstream = guards.call(route.provider(), () -> provider.openStream(call), UpstreamStream.class);
            return tiedToClient(upstream, ctx, route, hold);
        } catch (ProviderException e) {
            accounting.settle(ctx, route, hold, Optional.empty(), null, false, e.errorClass(), "error", true);
            throw e;
        } catch (RuntimeException e) {
            accounting.settle(ctx, route, hold, Optional.empty(), null, false, null, "error", true);
            throw e;
        }
    }

    /**
     * A relay that learns from the HTTP exchange whether its client is still there. Quarkus REST
     * drops writes to a connection the client has reset without an error, and when the client left
     * while we waited for the upstream's headers it never calls the relay at all: so the relay asks
     * the response whether it is closed, and the request's completion settles a relay that never ran
     * (else its reservation stayed held and the upstream connection open).
     */
    private StreamRelay tiedToClient(UpstreamStream upstream, CallContext ctx, ResolvedRoute route,
            CallAccounting.Hold hold) {
        // null outside an HTTP request (no such caller today): then only a failing write tells
        ResteasyReactiveRequestContext exchange = CurrentRequestManager.get();
        BooleanSupplier clientClosed = exchange == null ? () -> false : () -> exchange.serverResponse().closed();
        StreamRelay relay = new StreamRelay(upstream, ctx, route, hold, accounting, clientClosed);
        if (exchange != null) {
            exchange.registerCompletionCallback(failure -> relay.settleUnrelayed());
        }
        return relay;
    }
}
