package io.openclaw.hq.llm.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.model.Purpose;
import io.openclaw.hq.llm.review.ReviewService;
import io.openclaw.hq.llm.service.CallContext;
import io.openclaw.hq.llm.service.CompletionService;
import io.openclaw.hq.llm.service.RoutedCompletion;
import io.openclaw.hq.llm.service.StreamRelay;
import io.openclaw.hq.llm.service.StreamingService;
import io.openclaw.hq.platform.errors.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import java.util.regex.Pattern;

/** OpenAI-compatible chat completions, routed by {@code X-OpenClaw-Purpose} (default general). */
@Path("/v1/chat/completions")
public class ChatCompletionsResource {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CompletionService completions;
    private final StreamingService streams;
    private final ReviewService reviews;
    private final ObjectMapper json;

    public ChatCompletionsResource(CompletionService completions, StreamingService streams, ReviewService reviews,
            ObjectMapper json) {
        this.completions = completions;
        this.streams = streams;
        this.reviews = reviews;
        this.json = json;
    }

    /**
     * Plain chat outside a run never leaves the event loop; reviews, calls against a run's budget
     * and streams wait on the database or on a blocking relay, so they move to a worker thread.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> complete(ChatCompletionRequest request, @HeaderParam(OpenClawHeaders.PURPOSE) String purposeHeader,
            @HeaderParam(OpenClawHeaders.RUN_ID) String runId) {
        long start = System.nanoTime();
        if (request == null) {
            throw ProblemException.badRequest("a chat completion body is required");
        }
        request.check();
        if (runId != null && !RUN_ID.matcher(runId).matches()) {
            throw ProblemException.badRequest(OpenClawHeaders.RUN_ID + " must match " + RUN_ID.pattern());
        }
        Purpose purpose = Purpose.parse(purposeHeader);
        ObjectNode body = json.valueToTree(request);
        CallContext ctx = new CallContext(purpose, runId, null);
        if (request.streaming()) {
            RelayCustody custody = new RelayCustody();
            CurrentRequestManager.get().registerCompletionCallback(failure -> custody.requestEnded());
            return onWorker(() -> stream(ctx, body, start, custody));
        }
        if (purpose == Purpose.REVIEW) {
            return onWorker(() -> answer(reviews.chatReview(runId, body), start));
        }
        if (runId != null) {
            return onWorker(() -> answer(completions.complete(ctx, body), start));
        }
        return Uni.createFrom().completionStage(() -> completions.completeWithoutWaiting(ctx, body))
                .map(answer -> answer(answer, start));
    }

    /** The relay is the entity: {@link StreamRelayWriter} runs it on a worker thread. */
    private Response stream(CallContext ctx, ObjectNode body, long start, RelayCustody custody) {
        StreamRelay relay = streams.open(ctx, body);
        custody.opened(relay);
        return Response.ok(relay, "text/event-stream")
                .header("Cache-Control", "no-cache")
                .header(OpenClawHeaders.PROVIDER, relay.route().provider().wire())
                .header(OpenClawHeaders.MODEL, relay.route().model())
                .header(OpenClawHeaders.FALLBACK, "false")
                .header(OpenClawHeaders.OVERHEAD_MS, millis(System.nanoTime() - start))
                .build();
    }

    private static Response answer(RoutedCompletion answer, long start) {
        long overhead = System.nanoTime() - start - answer.reply().upstreamNanos();
        // the provider's own bytes: nothing is re-encoded on the way (and no time spent doing it)
        Response.ResponseBuilder response = Response.ok(answer.reply().raw(), MediaType.APPLICATION_JSON_TYPE)
                .header(OpenClawHeaders.PROVIDER, answer.route().provider().wire())
                .header(OpenClawHeaders.MODEL, answer.route().model())
                .header(OpenClawHeaders.FALLBACK, Boolean.toString(answer.fallbackUsed()))
                .header(OpenClawHeaders.OVERHEAD_MS, millis(overhead))
                .header(OpenClawHeaders.UPSTREAM_MS, millis(answer.reply().upstreamNanos()));
        if (answer.costUsd() != null) {
            response.header(OpenClawHeaders.COST_USD, answer.costUsd().toPlainString());
        }
        if (answer.transientClass() != null) {
            response.header(OpenClawHeaders.TRANSIENT_CLASS, answer.transientClass().wire());
        }
        return response.build();
    }

    private static Uni<Response> onWorker(Supplier<Response> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Milliseconds with three decimals ("1.234"), without String.format's cost on the hot path. */
    static String millis(long nanos) {
        long micros = Math.max(0, nanos) / 1_000;
        long fraction = micros % 1_000;
        return (micros / 1_000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
