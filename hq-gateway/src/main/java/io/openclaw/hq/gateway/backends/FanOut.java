package io.openclaw.hq.gateway.backends;

import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.platform.concurrent.ThreadPools;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Calls several backends at once, so a page waits for the slowest call (bounded by its timeout)
 * rather than the sum of all of them.
 */
@ApplicationScoped
public class FanOut {

    private final ExecutorService executor;

    public FanOut(GatewayConfig config) {
        this.executor = ThreadPools.fixed("gateway-fanout", config.backends().fanOutThreads());
    }

    public <T> CompletableFuture<T> submit(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    public <T> List<T> all(List<Supplier<T>> calls) {
        List<CompletableFuture<T>> futures = calls.stream().map(this::submit).toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
