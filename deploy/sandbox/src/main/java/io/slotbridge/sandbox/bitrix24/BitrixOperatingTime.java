package io.slotbridge.sandbox.bitrix24;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.springframework.stereotype.Component;

/**
 * Bitrix24's operating-time limit (limits.md, "Ограничения на ресурсоемкость"): per portal (the sandbox has one
 * application per portal) and method, the execution time of its calls is summed in one-minute buckets; a bucket counts
 * for ten minutes from its first call. Before each call the sum is checked: over the method's limit, the call is refused
 * with 429 {@code OPERATION_TIME_LIMIT} while other methods keep working. Answers carry the method's {@code operating}
 * (seconds) and {@code operating_reset_at} (unix seconds: when the oldest bucket leaves the sum). The outer
 * {@code batch} is not counted, each command counts under its own method.
 *
 * <p>No method has a limit until one is set through the control API; a call costs its real duration unless a fixed
 * {@code secondsPerCall} is set (a test exhausts a budget in a few calls that way). A reset of the sandbox creates new
 * portals, which start with fresh budgets.
 */
@Component
public class BitrixOperatingTime {

    static final Duration WINDOW = Duration.ofMinutes(10);

    /** One method's limit ({@code null}: none) and fixed cost per call ({@code null}: its real duration). */
    public record Budget(Double limitSeconds, Double secondsPerCall) {}

    /** What a method used: seconds per bucket, each bucket keyed by the minute and remembering its first call. */
    private static final class Usage {
        Budget budget = new Budget(null, null);
        final TreeMap<Long, double[]> buckets = new TreeMap<>(); // minute → {first call epoch second, seconds}
    }

    private final Map<BitrixPortal, Map<String, Usage>> portals = new WeakHashMap<>();
    private final Clock clock;

    public BitrixOperatingTime(Clock clock) {
        this.clock = clock;
    }

    public synchronized void setBudget(BitrixPortal portal, String method, Budget budget) {
        usage(portal, method).budget = budget;
    }

    /** Forgets the method's limit and what it used. */
    public synchronized void clear(BitrixPortal portal, String method) {
        portals.getOrDefault(portal, Map.of()).remove(key(method));
    }

    /** Refuses the call when the method's operating time is over its limit. */
    synchronized void checkBefore(BitrixPortal portal, String method) {
        Usage usage = usage(portal, method);
        Double limit = usage.budget.limitSeconds();
        if (limit != null && operating(usage) > limit) {
            throw BitrixErrors.operationTimeLimit();
        }
    }

    /** Counts a finished call and returns the method's {@code operating} and {@code operating_reset_at}. */
    synchronized Map<String, Object> account(BitrixPortal portal, String method, Instant start, Instant finish) {
        Usage usage = usage(portal, method);
        double cost = usage.budget.secondsPerCall() != null
                ? usage.budget.secondsPerCall()
                : Duration.between(start, finish).toNanos() / 1e9;
        double[] bucket = usage.buckets.computeIfAbsent(
                start.getEpochSecond() / 60, minute -> new double[] {start.getEpochSecond(), 0});
        bucket[1] += cost;
        return status(usage);
    }

    public synchronized Map<String, Object> status(BitrixPortal portal, String method) {
        Usage usage = usage(portal, method);
        Map<String, Object> status = new LinkedHashMap<>(status(usage));
        status.put("limitSeconds", usage.budget.limitSeconds());
        status.put("secondsPerCall", usage.budget.secondsPerCall());
        return status;
    }

    private Map<String, Object> status(Usage usage) {
        double operating = operating(usage);
        Map<String, Object> time = new LinkedHashMap<>();
        time.put(
                "operating_reset_at",
                usage.buckets.isEmpty()
                        ? clock.instant().plus(WINDOW).getEpochSecond()
                        : (long) usage.buckets.firstEntry().getValue()[0] + WINDOW.toSeconds());
        time.put("operating", operating);
        return time;
    }

    /** The sum of the buckets still inside their ten minutes; older ones are dropped. */
    private double operating(Usage usage) {
        long now = clock.instant().getEpochSecond();
        usage.buckets.values().removeIf(b -> (long) b[0] + WINDOW.toSeconds() <= now);
        return usage.buckets.values().stream().mapToDouble(b -> b[1]).sum();
    }

    private Usage usage(BitrixPortal portal, String method) {
        return portals.computeIfAbsent(portal, p -> new LinkedHashMap<>())
                .computeIfAbsent(key(method), m -> new Usage());
    }

    private static String key(String method) {
        return method.toLowerCase(Locale.ROOT);
    }
}
