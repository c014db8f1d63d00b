package io.openclaw.hq.llm.client;

import io.openclaw.hq.llm.config.RouterSettings;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Admission control: at most {@code max-calls-in-flight} provider calls at once, at most
 * {@code max-calls-waiting} more waiting up to {@code admission-wait-ms} for a free place; any other
 * call is refused at once with a {@link CallsInFlightException} (429 with Retry-After).
 *
 * <p>Why: when a provider answers slower than callers arrive, every call held in flight keeps its
 * request, its upstream exchange and its client connection in the heap; without a bound the
 * router ran out of an 80 MB heap at 1000 requests/s and exited. A refusal costs nothing to keep.
 *
 * <p>Waiting never blocks the event loop: a waiter is a future, handed the place of the call that
 * ends (on the thread where that call ended) or refused by a Vert.x timer. Worker threads (reviews,
 * budgeted calls, stream openings) simply wait for that future.
 */
@ApplicationScoped
public class CallAdmission {

    /** A call may hold a body up to the platform's 1 MiB cap and its copies; a fifth of the heap stays free. */
    private static final long HEAP_PER_CALL = 1280L * 1024;
    private static final int DERIVED_MIN = 4;
    private static final int DERIVED_MAX = 256;
    /** What a refusal tells the caller to wait, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private final Vertx vertx;
    private final int maxInFlight;
    private final int maxWaiting;
    private final long waitMs;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int inFlight;
    private long admitted;
    private long refused;

    @jakarta.inject.Inject
    public CallAdmission(RouterSettings settings, Vertx vertx) {
        this(settings.maxCallsInFlight().orElseGet(CallAdmission::derivedFromHeap),
                settings.maxCallsWaiting().orElse(-1), settings.admissionWaitMs(), vertx);
    }

    CallAdmission(int maxInFlight, int maxWaiting, long waitMs, Vertx vertx) {
        if (maxInFlight < 1) {
            throw new IllegalStateException("openclaw.llm.max-calls-in-flight must be at least 1, was " + maxInFlight);
        }
        if (waitMs < 0) {
            throw new IllegalStateException("openclaw.llm.admission-wait-ms must not be negative, was " + waitMs);
        }
        this.vertx = vertx;
        this.maxInFlight = maxInFlight;
        this.maxWaiting = maxWaiting < 0 ? maxInFlight : maxWaiting;
        this.waitMs = waitMs;
    }

    /** The cap when none is configured: one place per 1.25 MiB of the heap, between 4 and 256 (80 MB → 61). */
    static int derivedFromHeap() {
        long places = Runtime.getRuntime().maxMemory() / HEAP_PER_CALL;
        return (int) Math.max(DERIVED_MIN, Math.min(DERIVED_MAX, places));
    }

    /**
     * Runs {@code call} once it has a place and frees the place when its stage ends. With a place
     * free (the usual case) the call starts on this thread before this returns.
     */
    public <T> CompletionStage<T> admitted(Supplier<CompletionStage<T>> call) {
        CompletableFuture<Void> place = enter();
        if (place.isDone() && !place.isCompletedExceptionally()) {
            return run(call);
        }
        // The caller's stage is not the place itself: a caller that gives up (its client hung up and the
        // request's Uni was cancelled) must not swallow a place handed to it; it passes the place on.
        CompletableFuture<T> result = new CompletableFuture<>();
        place.whenComplete((ignored, refused) -> {
            if (refused != null) {
                result.completeExceptionally(refused);
            } else if (result.isDone()) {
                leave();
            } else {
                try {
                    run(call).whenComplete((answer, failure) -> {
                        if (failure != null) {
                            result.completeExceptionally(failure);
                        } else {
                            result.complete(answer);
                        }
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        return result;
    }

    /** The same on a worker thread, for work that blocks: waits here for a place, then runs {@code call}. */
    public <T> T admittedBlocking(Supplier<T> call) {
        try {
            enter().join();
        } catch (CompletionException e) {
            throw AsyncFailures.rethrowable(e);
        }
        try {
            return call.get();
        } finally {
            leave();
        }
    }

    private <T> CompletionStage<T> run(Supplier<CompletionStage<T>> call) {
        CompletionStage<T> stage;
        try {
            stage = call.get();
        } catch (RuntimeException | Error e) {
            leave();
            throw e;
        }
        // The place is given back by an action on the call's own stage, which nobody outside can cancel.
        // An action chained on the stage handed out would be skipped once a caller cancels that stage (a
        // request's Uni does when its client hangs up): the 1000/s bench lost every place that way.
        CompletableFuture<T> result = new CompletableFuture<>();
        stage.whenComplete((answer, failure) -> {
            leave();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(answer);
            }
        });
        return result;
    }

    private CompletableFuture<Void> enter() {
        Waiter waiter;
        synchronized (this) {
            if (inFlight < maxInFlight) {
                inFlight++;
                admitted++;
                return CompletableFuture.completedFuture(null);
            }
            if (waiting.size() >= maxWaiting || waitMs == 0) {
                refused++;
                return CompletableFuture.failedFuture(refusal());
            }
            waiter = new Waiter();
            waiting.add(waiter);
        }
        waiter.timer = vertx.setTimer(Math.max(1, waitMs), id -> giveUp(waiter));
        return waiter.place;
    }

    /** The ending call's place goes to the oldest waiter, or becomes free. */
    private void leave() {
        Waiter next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
                return;
            }
            admitted++;
        }
        vertx.cancelTimer(next.timer);
        next.place.complete(null);
    }

    private void giveUp(Waiter waiter) {
        synchronized (this) {
            if (!waiting.remove(waiter)) {
                return; // handed a place just before the timer fired
            }
            refused++;
        }
        waiter.place.completeExceptionally(refusal());
    }

    private CallsInFlightException refusal() {
        return new CallsInFlightException(maxInFlight, waitMs);
    }

    /** For the status panel. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(maxInFlight, maxWaiting, waitMs, inFlight, waiting.size(), admitted, refused);
    }

    public record Snapshot(int maxInFlight, int maxWaiting, long waitMs, int inFlight, int waiting, long admitted,
            long refused) {
    }

    private static final class Waiter {
        final CompletableFuture<Void> place = new CompletableFuture<>();
        volatile long timer;
    }
}
