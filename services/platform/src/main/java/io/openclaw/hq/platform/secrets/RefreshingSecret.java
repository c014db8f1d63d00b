package io.openclaw.hq.platform.secrets;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A secret checked on every request (a token) but re-read at most once per interval, so a rotated
 * value takes effect without a restart and the hot path does not touch the file system each time.
 * An interval of zero reads the file on every call.
 */
public final class RefreshingSecret {

    private final SecretResolver secrets;
    private final String name;
    private final long refreshNanos;
    private final LongSupplier nanoClock;
    private volatile Optional<Secret> cached = Optional.empty();
    private volatile long cachedAt;

    public RefreshingSecret(SecretResolver secrets, String name, Duration refresh) {
        this(secrets, name, refresh, System::nanoTime);
    }

    /** With a clock of one's own: tests move time instead of waiting for it. */
    RefreshingSecret(SecretResolver secrets, String name, Duration refresh, LongSupplier nanoClock) {
        this.secrets = secrets;
        this.name = name;
        this.refreshNanos = refresh.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The current value; a missing secret is looked for again on the next call. */
    public Optional<Secret> current() {
        long now = nanoClock.getAsLong();
        if (cached.isEmpty() || now - cachedAt >= refreshNanos) {
            cached = secrets.resolve(name);
            cachedAt = now;
        }
        return cached;
    }
}
