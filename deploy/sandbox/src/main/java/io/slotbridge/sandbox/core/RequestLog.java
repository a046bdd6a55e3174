package io.slotbridge.sandbox.core;

import io.slotbridge.sandbox.SandboxProperties;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/** The last N requests the sandbox answered, newest first. */
@Component
public class RequestLog {

    /** One answered request. */
    public record Entry(Instant at, String api, String method, String path, int status, long durationMillis) {}

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    public RequestLog(SandboxProperties properties) {
        this.capacity = properties.requestLogSize();
    }

    public synchronized void add(Entry entry) {
        entries.addFirst(entry);
        while (entries.size() > capacity) {
            entries.removeLast();
        }
    }

    public synchronized List<Entry> latest(int limit) {
        return new ArrayList<>(entries).subList(0, Math.min(limit, entries.size()));
    }

    public synchronized void clear() {
        entries.clear();
    }
}
