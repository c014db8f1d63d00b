package io.openclaw.hq.gateway.backends;

import io.openclaw.hq.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Read-only panel data, reused for a couple of seconds and fetched once however many requests
 * want it at the same moment: fifty people on the overview cost each backend one call, and a
 * hanging backend holds up one call rather than fifty. Once an answer is older than the TTL it is
 * still served while one refresh runs in the background, so no page waits on a refresh; a page
 * shows data at most TTL plus one call timeout old. Never used for actions or run output.
 */
@ApplicationScoped
public class DisplayCache {

    private record Entry(long fetchedAt, CompletableFuture<BackendReply> reply) {
    }

    private final long ttlNanos;
    private final FanOut fanOut;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshing = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    public DisplayCache(GatewayConfig config, FanOut fanOut) {
        this.ttlNanos = config.backends().displayCacheTtl().toNanos();
        this.fanOut = fanOut;
    }

    public CompletableFuture<BackendReply> get(String key, Supplier<BackendReply> call) {
        long now = System.nanoTime();
        Entry current = entries.get(key);
        if (current != null && ttlNanos > 0) {
            if (!current.reply().isDone() || now - current.fetchedAt() < ttlNanos) {
                return current.reply();
            }
            if (refreshing.putIfAbsent(key, Boolean.TRUE) == null) {
                fanOut.submit(call).whenComplete((reply, error) -> {
                    if (reply != null) {
                        entries.put(key, new Entry(System.nanoTime(), CompletableFuture.completedFuture(reply)));
                    }
                    refreshing.remove(key);
                });
            }
            return current.reply();
        }
        // nothing cached yet (or caching off): one call, shared by everyone asking meanwhile
        Entry fresh = entries.compute(key, (k, existing) -> existing != null && !existing.reply().isDone()
                ? existing : new Entry(now, fanOut.submit(call)));
        return fresh.reply();
    }

    public BackendReply getNow(String key, Supplier<BackendReply> call) {
        return get(key, call).join();
    }

    /** After an action the next page view must show fresh data. */
    public void clear() {
        entries.clear();
        generation.incrementAndGet();
    }

    /** Changes on every {@link #clear()}, so other caches of display data can tell they are stale. */
    public long generation() {
        return generation.get();
    }

    public long ttlNanos() {
        return ttlNanos;
    }
}
