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
import io.openclaw.hq.llm.client.CallAdmission;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

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
    private final CallAdmission admission;

    public StreamingService(LlmConfigHolder config, ModelRouter router, ProviderRegistry providers,
            ProviderGuards guards, CallAccounting accounting, CallAdmission admission) {
        this.admission = admission;
        this.config = config;
        this.router = router;
        this.providers = providers;
        this.guards = guards;
        this.accounting = accounting;
    }

    /** Opening counts against the router's calls in flight (the relay after it runs on a bounded worker pool). */
    public StreamRelay open(CallContext ctx, ObjectNode request) {
        return admission.admittedBlocking(() -> admittedOpen(ctx, request));
    }

    private StreamRelay admittedOpen(CallContext ctx, ObjectNode request) {
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
            UpstreamStream upstream = guards.awaitBlocking(route.provider(), () -> provider.openStream(call));
            return new StreamRelay(upstream, ctx, route, hold, accounting);
        } catch (ProviderException e) {
            accounting.settle(ctx, route, hold, Optional.empty(), null, false, e.errorClass(), "error", true);
            throw e;
        } catch (RuntimeException e) {
            accounting.settle(ctx, route, hold, Optional.empty(), null, false, null, "error", true);
            throw e;
        }
    }
}
