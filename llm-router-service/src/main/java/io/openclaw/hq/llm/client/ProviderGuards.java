package io.openclaw.hq.llm.client;

import io.openclaw.hq.llm.config.RouterSettings;
import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.ProviderException;
import io.openclaw.hq.llm.model.ProviderName;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * One circuit breaker per provider (SmallRye Fault Tolerance). Only transient failures count
 * against a provider: a 401 says nothing about its health. An open breaker answers at once as a
 * transient server failure, so the review gate still gets its one fallback.
 *
 * <p>Every call is guarded as a {@link CompletionStage}, without a thread of its own: a plain chat
 * completion stays on the event loop from request to answer. Callers on a worker thread (reviews,
 * budgeted runs, streams) wait for the same stage with {@link #await}.
 */
@ApplicationScoped
public class ProviderGuards {

    private static final String NAME_PREFIX = "llm-provider-";

    private final Map<ProviderName, Guard> guards = new EnumMap<>(ProviderName.class);
    private final String namePrefix;

    @jakarta.inject.Inject
    public ProviderGuards(RouterSettings settings) {
        this(settings, NAME_PREFIX);
    }

    /** With another name prefix, so a test can build breakers of its own next to the service's. */
    ProviderGuards(RouterSettings settings, String namePrefix) {
        this.namePrefix = namePrefix;
        RouterSettings.Breaker breaker = settings.breaker();
        for (ProviderName name : ProviderName.values()) {
            guards.put(name, Guard.create()
                    .withDescription("provider " + name.wire())
                    .withCircuitBreaker()
                    .name(breakerName(name))
                    .requestVolumeThreshold(breaker.requestVolume())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delaySeconds(), ChronoUnit.SECONDS)
                    .when(ProviderGuards::countsAgainstProvider)
                    .done()
                    .withThreadOffload(false)
                    .build());
        }
    }

    /** The guarded call; its stage fails with a {@link ProviderException}, also when the breaker is open. */
    public <T> CompletionStage<T> call(ProviderName name, Supplier<CompletionStage<T>> work) {
        CompletionStage<T> guarded;
        try {
            guarded = guards.get(name).get(work, new TypeLiteral<CompletionStage<T>>() {
            });
        } catch (CircuitBreakerOpenException e) {
            return CompletableFuture.failedFuture(breakerOpen(name));
        }
        return guarded.exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                AsyncFailures.unwrap(failure) instanceof CircuitBreakerOpenException ? breakerOpen(name) : AsyncFailures.unwrap(failure)));
    }

    /** The guarded call, waited for; only on a worker thread, where waiting blocks nobody else. */
    public <T> T await(ProviderName name, Supplier<CompletionStage<T>> work) {
        if (Context.isOnEventLoopThread()) {
            // the answer is delivered on an event loop: waiting on one could wait forever
            throw new IllegalStateException("a provider call was awaited on an event loop thread");
        }
        try {
            return call(name, work).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw AsyncFailures.rethrowable(e);
        }
    }

    /** A blocking call (opening a stream) under the same breaker, on a worker thread. */
    public <T> T awaitBlocking(ProviderName name, Supplier<T> work) {
        return await(name, () -> {
            try {
                return CompletableFuture.completedFuture(work.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    public String state(ProviderName name) {
        CircuitBreakerState state = CircuitBreakerMaintenance.get().currentState(breakerName(name));
        return state.name().toLowerCase(Locale.ROOT);
    }

    String breakerName(ProviderName name) {
        return namePrefix + name.wire();
    }

    private static ProviderException breakerOpen(ProviderName name) {
        return new ProviderException(name, ErrorClass.TRANSIENT_SERVER, null,
                "circuit breaker open after repeated transient failures; not called");
    }

    private static boolean countsAgainstProvider(Throwable failure) {
        return AsyncFailures.unwrap(failure) instanceof ProviderException e && e.errorClass().isTransient();
    }
}
