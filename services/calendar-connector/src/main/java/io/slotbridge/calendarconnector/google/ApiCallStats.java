package io.slotbridge.calendarconnector.google;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Counts Google calls per tenant: Micrometer counters for dashboards, and the last minute's figures for the ops
 * status report and the admin status endpoint.
 */
public class ApiCallStats {

    public enum Result {
        OK,
        THROTTLED,
        BLOCKED,
        FAILED
    }

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, ConcurrentLinkedDeque<Call>> recent = new ConcurrentHashMap<>();

    public ApiCallStats(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    public void record(String tenant, String operation, Result result) {
        meters.counter("slotbridge.google.calls", "tenant", tenant, "operation", operation, "result", result.name())
                .increment();
        Instant now = clock.instant();
        ConcurrentLinkedDeque<Call> calls = recent.computeIfAbsent(tenant, t -> new ConcurrentLinkedDeque<>());
        calls.addLast(new Call(now, result));
        prune(calls, now);
    }

    public static Result resultOf(GoogleFailure failure) {
        if (failure == null) {
            return Result.OK;
        }
        return switch (failure.kind()) {
            case RATE_LIMITED -> Result.THROTTLED;
            case QUOTA_EXCEEDED, FORBIDDEN -> Result.BLOCKED;
            // 409, 412 and 410 are answers we act on, not failures of the connection
            case DUPLICATE, PRECONDITION_FAILED, GONE, NOT_FOUND -> Result.OK;
            default -> Result.FAILED;
        };
    }

    public LastMinute lastMinute(String tenant) {
        ConcurrentLinkedDeque<Call> calls = recent.get(tenant);
        if (calls == null) {
            return new LastMinute(0, 0, 0, 0);
        }
        prune(calls, clock.instant());
        long total = 0;
        long throttled = 0;
        long blocked = 0;
        long failed = 0;
        for (Call call : calls) {
            total++;
            switch (call.result()) {
                case THROTTLED -> throttled++;
                case BLOCKED -> blocked++;
                case FAILED -> failed++;
                default -> {}
            }
        }
        return new LastMinute(total, throttled, blocked, failed);
    }

    private static void prune(ConcurrentLinkedDeque<Call> calls, Instant now) {
        Instant horizon = now.minus(WINDOW);
        Call first;
        while ((first = calls.peekFirst()) != null && first.at().isBefore(horizon)) {
            calls.pollFirst();
        }
    }

    /** Calls in the last minute: all, answered 429/403-rate-limit, blocked (quota, permission), failed otherwise. */
    public record LastMinute(long requests, long throttled, long blocked, long failed) {}

    private record Call(Instant at, Result result) {}
}
