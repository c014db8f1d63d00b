package io.openclaw.hq.notify.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps the last quota Pushover reported, for {@code GET /status}. */
@ApplicationScoped
public class PushoverQuotaTracker {

    private final AtomicReference<PushoverQuota> last = new AtomicReference<>();
    private final Clock clock;

    public PushoverQuotaTracker(Clock clock) {
        this.clock = clock;
    }

    void record(Response response) {
        Long limit = number(response.getHeaderString("X-Limit-App-Limit"));
        Long remaining = number(response.getHeaderString("X-Limit-App-Remaining"));
        Long reset = number(response.getHeaderString("X-Limit-App-Reset"));
        if (limit == null && remaining == null && reset == null) {
            return;
        }
        last.set(new PushoverQuota(limit, remaining, reset == null ? null : Instant.ofEpochSecond(reset),
                clock.instant()));
    }

    public Optional<PushoverQuota> last() {
        return Optional.ofNullable(last.get());
    }

    private static Long number(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
