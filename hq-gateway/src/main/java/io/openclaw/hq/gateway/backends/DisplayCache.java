package io.openclaw.hq.gateway.backends;

import io.openclaw.hq.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Read-only panel data, reused for the TTL (2 s) and fetched once however many requests want it at
 * the same moment: fifty people on the overview cost each backend one call, and a hanging backend
 * holds up one call rather than fifty. An answer older than the TTL is never served as if fresh:
 * the next request starts one refresh and everyone asking meanwhile waits for it (at most one
 * call's timeout), so after idling the first page shows what the backend says now. Keys start
 * with the service name, so an action can drop what its service said. Never used for actions or
 * run output.
 */
@ApplicationScoped
public class DisplayCache {

    private record Entry(long startedAt, CompletableFuture<? extends BackendReply<?>> reply) {
    }

    private final long ttlNanos;
    private final Duration ttl;
    private final FanOut fanOut;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public DisplayCache(GatewayConfig config, FanOut fanOut) {
        this.ttl = config.backends().displayCacheTtl();
        this.ttlNanos = ttl.toNanos();
        this.fanOut = fanOut;
    }

    /** {@code key} starts with the owning service's name, e.g. {@code doctor-service:reports}. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<BackendReply<T>> get(String key, Supplier<BackendReply<T>> call) {
        long now = System.nanoTime();
        Entry entry = entries.compute(key, (k, existing) -> existing != null
                && (!existing.reply().isDone() || now - existing.startedAt() < ttlNanos)
                        ? existing
                        : new Entry(now, fanOut.submit(call)));
        return (CompletableFuture<BackendReply<T>>) entry.reply();
    }

    public <T> BackendReply<T> getNow(String key, Supplier<BackendReply<T>> call) {
        return get(key, call).join();
    }

    /** After an action the next page view must show fresh data. */
    public void clear() {
        entries.clear();
        generation.incrementAndGet();
    }

    /** Drops what one service said, e.g. when a run of it has ended. */
    public void clear(String service) {
        entries.keySet().removeIf(key -> key.startsWith(service + ":"));
        generation.incrementAndGet();
    }

    /** Changes on every clear, so other caches of display data can tell they are stale. */
    public long generation() {
        return generation.get();
    }

    public long ttlNanos() {
        return ttlNanos;
    }

    public Duration ttl() {
        return ttl;
    }
}
