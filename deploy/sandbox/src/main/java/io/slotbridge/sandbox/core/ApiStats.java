package io.slotbridge.sandbox.core;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/** Counters per emulated API: calls, rate-limit answers, errors, outgoing webhooks. */
@Component
public class ApiStats {

    /** What is counted. */
    public enum Counter {
        CALLS,
        STATUS_429,
        STATUS_403,
        STATUS_503,
        STATUS_5XX,
        INJECTED_ERRORS,
        WEBHOOKS_SENT,
        WEBHOOKS_FAILED,
        WEBHOOKS_DROPPED
    }

    private final Map<Api, Map<Counter, LongAdder>> counters = new EnumMap<>(Api.class);

    public ApiStats() {
        for (Api api : Api.values()) {
            Map<Counter, LongAdder> perApi = new EnumMap<>(Counter.class);
            for (Counter counter : Counter.values()) {
                perApi.put(counter, new LongAdder());
            }
            counters.put(api, perApi);
        }
    }

    public void increment(Api api, Counter counter) {
        counters.get(api).get(counter).increment();
    }

    public void recordStatus(Api api, int status) {
        increment(api, Counter.CALLS);
        switch (status) {
            case 429 -> increment(api, Counter.STATUS_429);
            case 403 -> increment(api, Counter.STATUS_403);
            case 503 -> increment(api, Counter.STATUS_503);
            default -> {}
        }
        if (status >= 500) {
            increment(api, Counter.STATUS_5XX);
        }
    }

    public long get(Api api, Counter counter) {
        return counters.get(api).get(counter).sum();
    }

    /** {@code {"amocrm": {"calls": 12, "status429": 0, ...}, ...}} */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        counters.forEach((api, perApi) -> {
            Map<String, Long> values = new LinkedHashMap<>();
            perApi.forEach((counter, adder) -> values.put(camel(counter), adder.sum()));
            result.put(api.id(), values);
        });
        return result;
    }

    public void reset() {
        counters.values().forEach(perApi -> perApi.values().forEach(LongAdder::reset));
    }

    private static String camel(Counter counter) {
        String[] parts = counter.name().toLowerCase().split("_");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return name.toString();
    }
}
