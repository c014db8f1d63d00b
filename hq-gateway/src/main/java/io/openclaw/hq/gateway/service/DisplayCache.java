package io.openclaw.hq.gateway.service;

import io.openclaw.hq.gateway.client.BackendReply;
import io.openclaw.hq.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Read-only panel data, reused for a couple of seconds and fetched once however many requests
 * want it at the same moment: fifty people on the overview cost each backend one call, and a
 * hanging backend holds up one call rather than fifty. Never used for actions or run output.
 */
@ApplicationScoped
public class DisplayCache {

    private record Entry(long expiresAt, CompletableFuture<BackendReply> reply) {
    }

    private final long ttlNanos;
    private final FanOut fanOut;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public DisplayCache(GatewayConfig config, FanOut fanOut) {
        this.ttlNanos = config.backends().displayCacheTtl().toNanos();
        this.fanOut = fanOut;
    }

    public CompletableFuture<BackendReply> get(String key, Supplier<BackendReply> call) {
        long now = System.nanoTime();
        Entry entry = entries.compute(key, (k, current) -> {
            if (current != null && (!current.reply().isDone() || now - current.expiresAt() < 0)) {
                return current;
            }
            return new Entry(now + ttlNanos, fanOut.submit(call));
        });
        return entry.reply();
    }

    public BackendReply getNow(String key, Supplier<BackendReply> call) {
        return get(key, call).join();
    }

    /** After an action the next page view must show fresh data. */
    public void clear() {
        entries.clear();
    }
}
