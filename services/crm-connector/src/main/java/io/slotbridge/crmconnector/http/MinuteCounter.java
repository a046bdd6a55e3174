package io.slotbridge.crmconnector.http;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counts events over the last 60 seconds in one-second slots (for the ops report and the status endpoint). */
public final class MinuteCounter {

    private static final int SLOTS = 60;

    private final Clock clock;
    private final AtomicLongArray counts = new AtomicLongArray(SLOTS);
    private final AtomicLongArray seconds = new AtomicLongArray(SLOTS);

    public MinuteCounter(Clock clock) {
        this.clock = clock;
    }

    public void increment() {
        long second = clock.millis() / 1000;
        int slot = (int) (second % SLOTS);
        synchronized (this) {
            if (seconds.get(slot) != second) {
                seconds.set(slot, second);
                counts.set(slot, 0);
            }
            counts.incrementAndGet(slot);
        }
    }

    public synchronized long lastMinute() {
        long now = clock.millis() / 1000;
        long total = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (now - seconds.get(i) < SLOTS) {
                total += counts.get(i);
            }
        }
        return total;
    }
}
