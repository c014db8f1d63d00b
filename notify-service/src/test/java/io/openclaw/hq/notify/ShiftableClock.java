package io.openclaw.hq.notify;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved forward by the tests (six hours of "still failing" without waiting six
 * hours). Replaces the service's default clock in every test boot. The offset is a system
 * property, not a static field, so that a second boot in the same JVM (the restart test, loaded by a
 * new class loader) continues the same timeline.
 */
@Singleton
public class ShiftableClock extends Clock {

    private static final String OFFSET_MILLIS = "openclaw-notify-test-clock-offset-ms";

    public synchronized void advance(Duration by) {
        System.setProperty(OFFSET_MILLIS, Long.toString(offsetMillis() + by.toMillis()));
    }

    private static long offsetMillis() {
        return Long.parseLong(System.getProperty(OFFSET_MILLIS, "0"));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis());
    }
}
