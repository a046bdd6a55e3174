package io.slotbridge.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset that only the local launcher and end-to-end tests move (to run a multi-day
 * follow-up sequence in seconds). In production the offset stays zero. Services take time from the {@link Clock}
 * bean, never from {@code Instant.now()}.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    public static AdjustableClock system() {
        return new AdjustableClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    /** Moves time forward for every holder of this clock. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public String toString() {
        return "AdjustableClock[offset=" + offset.get() + ", zone=" + ZoneOffset.UTC + "]";
    }
}
