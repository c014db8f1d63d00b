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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Locale;
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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response complete(ChatCompletionRequest request, @HeaderParam(OpenClawHeaders.PURPOSE) String purposeHeader,
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
        if (request.streaming()) {
            StreamRelay relay = streams.open(new CallContext(purpose, runId, null), body);
            StreamingOutput output = relay::relayTo;
            return Response.ok(output, "text/event-stream")
                    .header("Cache-Control", "no-cache")
                    .header(OpenClawHeaders.PROVIDER, relay.route().provider().wire())
                    .header(OpenClawHeaders.MODEL, relay.route().model())
                    .header(OpenClawHeaders.FALLBACK, "false")
                    .header(OpenClawHeaders.OVERHEAD_MS, millis(System.nanoTime() - start))
                    .build();
        }
        RoutedCompletion answer = purpose == Purpose.REVIEW
                ? reviews.chatReview(runId, body)
                : completions.complete(new CallContext(purpose, runId, null), body);
        long overhead = System.nanoTime() - start - answer.reply().upstreamNanos();
        Response.ResponseBuilder response = Response.ok(answer.reply().body(), MediaType.APPLICATION_JSON_TYPE)
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

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, nanos) / 1_000_000.0);
    }
}
