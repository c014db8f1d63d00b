package io.openclaw.hq.llm.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.client.UpstreamStream;
import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.ResolvedRoute;
import io.openclaw.hq.llm.model.Usage;
import io.openclaw.hq.platform.secrets.Redactor;
import io.vertx.core.Context;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Relays an upstream server-sent-event stream line by line. A stream that ends without
 * {@code data: [DONE]}, or breaks, ends with an explicit {@code event: error}: a client must never
 * take a cut-off answer for a finished one. Whatever happens, the call is settled: at its reported
 * usage, or at the estimate when the stream gave none (the client left, or it broke).
 *
 * <p>Exactly one of {@link #relayTo} and {@link #settleUnrelayed} settles the call: the HTTP layer
 * does not call the relay at all when the client left before the answer began.
 */
public final class StreamRelay {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UpstreamStream upstream;
    private final CallContext ctx;
    private final ResolvedRoute route;
    private final CallAccounting.Hold hold;
    private final CallAccounting accounting;
    private final AtomicBoolean claimed = new AtomicBoolean();

    StreamRelay(UpstreamStream upstream, CallContext ctx, ResolvedRoute route, CallAccounting.Hold hold,
            CallAccounting accounting) {
        this.upstream = upstream;
        this.ctx = ctx;
        this.route = route;
        this.hold = hold;
        this.accounting = accounting;
    }

    public ResolvedRoute route() {
        return route;
    }

    /**
     * Relays the whole stream and settles it; blocks on the upstream, so never on an event loop.
     * {@code clientClosed} tells whether the client's connection is gone.
     */
    public void relayTo(OutputStream out, BooleanSupplier clientClosed) {
        if (Context.isOnEventLoopThread()) {
            // unclaimed, so the request's end still settles it; an event loop blocked on a model would
            // stall every other call
            throw new IllegalStateException("a stream relay must not run on an event loop thread");
        }
        if (!claimed.compareAndSet(false, true)) {
            return;
        }
        Optional<Usage> usage = Optional.empty();
        boolean done = false;
        boolean clientGone = false;
        String broken = null;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(upstream.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    String data = line.substring(5).strip();
                    if ("[DONE]".equals(data)) {
                        done = true;
                    } else if (data.contains("\"usage\"")) {
                        Optional<Usage> reported = usageIn(data);
                        if (reported.isPresent()) {
                            usage = reported;
                        }
                    }
                }
                // a write to a connection the client has reset is dropped without an error, so the
                // connection is asked as well; without it the relay reads the whole stream for nobody
                if (!write(out, line + "\n", line.isEmpty()) || clientClosed.getAsBoolean()) {
                    clientGone = true;
                    break;
                }
            }
        } catch (IOException e) {
            broken = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (!done && !clientGone && clientClosed.getAsBoolean()) {
            clientGone = true;
        }
        if (!done && !clientGone) {
            String reason = broken != null ? "upstream stream broke (" + broken + ")" : "upstream stream ended without [DONE]";
            clientGone = !write(out, errorEvent(reason), true);
        }
        BigDecimal actual = CallAccounting.actualCost(hold, usage);
        if (done && !clientGone && actual != null) {
            write(out, ": openclaw cost_usd=" + actual.toPlainString() + "\n\n", true);
        }
        String outcome = done ? "ok" : clientGone ? "client_gone" : "stream_broken";
        accounting.settle(ctx, route, hold, usage, actual, false,
                done ? null : ErrorClass.TRANSIENT_NETWORK, outcome, true);
    }

    /**
     * For a relay the HTTP layer never ran (the client left before the answer began): closes the
     * upstream and settles at the estimate, as a client gone. Does nothing after {@link #relayTo}.
     */
    public void settleUnrelayed() {
        if (!claimed.compareAndSet(false, true)) {
            return;
        }
        try {
            upstream.body().close();
        } catch (IOException ignored) {
            // the upstream is dropped either way; the settlement below is what must happen
        } finally {
            accounting.settle(ctx, route, hold, Optional.empty(), CallAccounting.actualCost(hold, Optional.empty()), false,
                    ErrorClass.TRANSIENT_NETWORK, "client_gone", true);
        }
    }

    private String errorEvent(String reason) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", Redactor.redact(reason)).put("type", "upstream_stream_broken")
                .put("provider", route.provider().wire()).put("class", ErrorClass.TRANSIENT_NETWORK.wire());
        return "event: error\ndata: " + error + "\n\n";
    }

    private static boolean write(OutputStream out, String text, boolean flush) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            if (flush) {
                out.flush();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Usage> usageIn(String data) {
        try {
            JsonNode chunk = JSON.readTree(data);
            JsonNode u = chunk.path("usage");
            if (u.path("prompt_tokens").canConvertToLong() && u.path("completion_tokens").canConvertToLong()) {
                return Optional.of(new Usage(u.path("prompt_tokens").asLong(), u.path("completion_tokens").asLong()));
            }
        } catch (IOException ignored) {
            // a chunk that is not JSON carries no usage
        }
        return Optional.empty();
    }
}
