package io.slotbridge.calendarconnector.slot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per calendar, held by a sync run and by a command group. A sync therefore never reads one of our writes
 * before the write's etag is recorded (it would look like a person's change), and two syncs never interleave pages.
 */
public class CalendarLocks {

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T withLock(String tenant, String calendarId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(tenant + "|" + calendarId, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
