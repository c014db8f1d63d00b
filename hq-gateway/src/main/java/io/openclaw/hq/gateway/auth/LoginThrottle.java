package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client in a sliding minute. A client over the limit is refused (429) even
 * with the right token until its oldest failure is a minute old: otherwise the limit would only
 * slow a guesser down until the guess was right.
 */
@ApplicationScoped
public class LoginThrottle {

    static final long WINDOW_NANOS = 60_000_000_000L;

    private final int maxFailures;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(GatewayConfig config) {
        this.maxFailures = config.login().maxFailuresPerMinute();
    }

    public boolean isBlocked(String client) {
        Deque<Long> times = failures.get(client);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times, System.nanoTime());
            return times.size() >= maxFailures;
        }
    }

    public void recordFailure(String client) {
        Deque<Long> times = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (times) {
            long now = System.nanoTime();
            prune(times, now);
            times.addLast(now);
        }
        if (failures.size() > 10_000) {
            // a flood of distinct clients must not grow memory without bound
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), System.nanoTime());
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    /** Forgets every failure: for tests that attack from an address other tests share. */
    void forgetAll() {
        failures.clear();
    }

    private static void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() > WINDOW_NANOS) {
            times.removeFirst();
        }
    }
}
