package io.openclaw.hq.gateway.sms;

import io.openclaw.hq.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One SMS command per sender per interval (a minute by default). */
@ApplicationScoped
public class SmsSenderLimiter {

    private final long intervalNanos;
    private final Map<String, Long> lastAccepted = new ConcurrentHashMap<>();

    public SmsSenderLimiter(GatewayConfig config) {
        this.intervalNanos = config.sms().perSenderInterval().toNanos();
    }

    /** True and remembered when this sender may send a command now. */
    public boolean tryAcquire(String sender) {
        long now = System.nanoTime();
        boolean[] accepted = {false};
        lastAccepted.compute(sender, (k, last) -> {
            if (last == null || now - last >= intervalNanos) {
                accepted[0] = true;
                return now;
            }
            return last;
        });
        return accepted[0];
    }
}
