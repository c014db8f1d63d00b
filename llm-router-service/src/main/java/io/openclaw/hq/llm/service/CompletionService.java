package io.openclaw.hq.llm.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.client.AsyncFailures;
import io.openclaw.hq.llm.client.CallAdmission;
import io.openclaw.hq.llm.client.LlmProvider;
import io.openclaw.hq.llm.client.ProviderGuards;
import io.openclaw.hq.llm.client.ProviderRegistry;
import io.openclaw.hq.llm.config.LlmConfig;
import io.openclaw.hq.llm.config.LlmConfigHolder;
import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.ProviderCall;
import io.openclaw.hq.llm.model.ProviderException;
import io.openclaw.hq.llm.model.ProviderReply;
import io.openclaw.hq.llm.model.Purpose;
import io.openclaw.hq.llm.model.ResolvedRoute;
import io.openclaw.hq.platform.errors.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One routed, budgeted completion. For review: caps forced, and on a transient OpenAI error
 * exactly one attempt at the configured fallback; anything else fails closed.
 *
 * <p>Two ways in. {@link #complete} waits, on a worker thread: reviews and calls against a run's
 * budget touch the database before and after the provider. {@link #completeWithoutWaiting} is the
 * hot path of plain chat, which touches no database on the way (its ledger row is queued), so it
 * runs on the event loop from request to answer.
 */
@ApplicationScoped
public class CompletionService {

    /** Output cap sent upstream when a general caller names none, so every estimate has a bound. */
    public static final int DEFAULT_MAX_TOKENS = 1024;

    private final LlmConfigHolder config;
    private final ModelRouter router;
    private final ProviderRegistry providers;
    private final ProviderGuards guards;
    private final CallAccounting accounting;
    private final CallAdmission admission;

    public CompletionService(LlmConfigHolder config, ModelRouter router, ProviderRegistry providers,
            ProviderGuards guards, CallAccounting accounting, CallAdmission admission) {
        this.admission = admission;
        this.config = config;
        this.router = router;
        this.providers = providers;
        this.guards = guards;
        this.accounting = accounting;
    }

    public RoutedCompletion complete(CallContext ctx, ObjectNode request) {
        LlmConfig current = config.require();
        ResolvedRoute primary = withRequestedModel(router.resolve(ctx.purpose()), request, ctx.purpose());
        try {
            return attempt(current, ctx, primary, request, false, null);
        } catch (ProviderException primaryError) {
            if (ctx.purpose() != Purpose.REVIEW) {
                throw primaryError;
            }
            if (!primaryError.errorClass().isTransient()) {
                throw new ReviewFailClosedException(primaryError, null, null);
            }
            return fallback(current, ctx, request, primaryError);
        }
    }

    private RoutedCompletion fallback(LlmConfig current, CallContext ctx, ObjectNode request, ProviderException primaryError) {
        Optional<LlmConfig.Route> configured = current.fallback();
        if (configured.isEmpty()) {
            throw new ReviewFailClosedException(primaryError, "none: no reviewFallback in config/llm.json", null);
        }
        LlmConfig.Route route = configured.get();
        if (!current.isEnabled(route.provider())) {
            throw new ReviewFailClosedException(primaryError,
                    "none: " + route.provider().wire() + " is not in enabledProviders", null);
        }
        try {
            return attempt(current, ctx, new ResolvedRoute(route.provider(), route.model()), request, true,
                    primaryError.errorClass());
        } catch (ProviderException e) {
            throw new ReviewFailClosedException(primaryError, e.describe(), e.errorClass());
        } catch (ProblemException e) {
            throw new ReviewFailClosedException(primaryError, route.provider().wire() + ": " + e.getMessage(), null);
        }
    }

    /**
     * A general or vision call outside any run, never waiting: the stage completes on an event loop.
     * Anything that needs the database (a review, a caller's run budget) must use {@link #complete}.
     */
    public CompletionStage<RoutedCompletion> completeWithoutWaiting(CallContext ctx, ObjectNode request) {
        if (ctx.purpose() == Purpose.REVIEW || ctx.caller().isPresent() || ctx.run().isPresent()) {
            throw new IllegalArgumentException("reviews and budgeted calls wait on a worker thread: use complete()");
        }
        LlmConfig current = config.require();
        ResolvedRoute route = withRequestedModel(router.resolve(ctx.purpose()), request, ctx.purpose());
        // admitted before anything is held or recorded: a refused call leaves no ledger row behind
        return admission.admitted(() -> {
            Prepared prepared = readyToSend(current, ctx, route, request);
            return guards.call(route.provider(), () -> prepared.provider().complete(prepared.call()))
                    .handle((reply, failure) -> conclude(ctx, route, prepared.hold(), reply, failure, false, null));
        });
    }

    private RoutedCompletion attempt(LlmConfig current, CallContext ctx, ResolvedRoute route, ObjectNode request,
            boolean fallbackUsed, ErrorClass primaryClass) {
        return admission.admittedBlocking(() -> admittedAttempt(current, ctx, route, request, fallbackUsed, primaryClass));
    }

    private RoutedCompletion admittedAttempt(LlmConfig current, CallContext ctx, ResolvedRoute route, ObjectNode request,
            boolean fallbackUsed, ErrorClass primaryClass) {
        Prepared prepared = readyToSend(current, ctx, route, request);
        ProviderReply reply = null;
        Throwable failure = null;
        try {
            reply = guards.await(route.provider(), () -> prepared.provider().complete(prepared.call()));
        } catch (RuntimeException e) {
            failure = e;
        }
        return conclude(ctx, route, prepared.hold(), reply, failure, fallbackUsed, primaryClass);
    }

    /** A call ready to send: its provider, its body, and the money held for it. */
    private record Prepared(LlmProvider provider, ProviderCall call, CallAccounting.Hold hold) {
    }

    private Prepared readyToSend(LlmConfig current, CallContext ctx, ResolvedRoute route, ObjectNode request) {
        LlmProvider provider = providers.enabled(route.provider());
        ProviderCall call = prepare(current, ctx.purpose(), route, request, false);
        return new Prepared(provider, call, accounting.reserve(current, ctx, route, call.promptChars(), call.maxOutputTokens()));
    }

    /** Settles the hold whatever happened, then answers or rethrows the provider's failure. */
    private RoutedCompletion conclude(CallContext ctx, ResolvedRoute route, CallAccounting.Hold hold, ProviderReply reply,
            Throwable failure, boolean fallbackUsed, ErrorClass primaryClass) {
        Throwable cause = failure == null ? null : AsyncFailures.unwrap(failure);
        BigDecimal actual = reply == null ? null : CallAccounting.actualCost(hold, reply.usage());
        ErrorClass errorClass = cause instanceof ProviderException e ? e.errorClass() : primaryClass;
        accounting.settle(ctx, route, hold, reply == null ? Optional.empty() : reply.usage(), actual,
                fallbackUsed, errorClass, reply == null ? "error" : "ok", false);
        if (cause != null) {
            throw AsyncFailures.rethrowable(cause);
        }
        return new RoutedCompletion(reply, route, fallbackUsed, primaryClass, actual, hold.estimate());
    }

    /** The body sent upstream: the route's model, the caps, and a bounded max_tokens. */
    public static ProviderCall prepare(LlmConfig current, Purpose purpose, ResolvedRoute route, ObjectNode request,
            boolean stream) {
        ObjectNode body = request.deepCopy();
        int maxTokens;
        if (purpose == Purpose.REVIEW) {
            // forced whatever the caller asked: the reference's review caps
            maxTokens = current.reviewCaps().maxOutputTokens();
            body.put("temperature", current.reviewCaps().temperature());
        } else {
            maxTokens = body.path("max_tokens").canConvertToInt() ? body.path("max_tokens").asInt() : DEFAULT_MAX_TOKENS;
        }
        body.put("model", route.model());
        body.put("max_tokens", maxTokens);
        body.put("stream", stream);
        if (!stream) {
            body.remove("stream_options");
        }
        return new ProviderCall(body, stream, promptChars(body.path("messages")), maxTokens);
    }

    /** Characters of every message's text, the basis of the estimate (image parts count their URL). */
    static long promptChars(JsonNode messages) {
        long chars = 0;
        for (JsonNode message : messages) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                chars += content.asText().length();
            } else if (content.isArray()) {
                for (JsonNode part : content) {
                    chars += part.path("text").asText("").length() + part.path("image_url").path("url").asText("").length();
                }
            }
        }
        return chars;
    }

    private ResolvedRoute withRequestedModel(ResolvedRoute route, ObjectNode request, Purpose purpose) {
        JsonNode model = request.get("model");
        if (model == null || model.isNull() || model.asText().isBlank() || model.asText().equals(route.model())) {
            return route;
        }
        if (purpose == Purpose.REVIEW) {
            throw ProblemException.badRequest("model '" + model.asText() + "' cannot be chosen for purpose review; "
                    + "review uses " + route.model() + " (OPENCLAW_REVIEW_MODEL)");
        }
        return new ResolvedRoute(route.provider(), model.asText());
    }
}
