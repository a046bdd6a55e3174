package io.slotbridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tests' clock: runs with the system clock plus an offset, and can be frozen, so rate-limit tests see no refill
 * and token-expiry tests can jump a day ahead without waiting.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozenAt = new AtomicReference<>();

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
        frozenAt.updateAndGet(at -> at == null ? null : at.plus(by));
    }

    public void freeze() {
        frozenAt.set(instant());
    }

    public void unfreeze() {
        Instant at = frozenAt.getAndSet(null);
        if (at != null) {
            offset.set(Duration.between(Instant.now(), at));
        }
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt.get();
        return frozen != null ? frozen : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
