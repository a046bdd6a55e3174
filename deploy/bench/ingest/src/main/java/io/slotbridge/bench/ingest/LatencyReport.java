package io.slotbridge.bench.ingest;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one load phase measured. Latencies in microseconds; {@code cpuNanos} is the CPU time the bench's processes
 * (servers, broker and load generator) used during the phase, {@code cpuSplit} the same per process.
 */
record LatencyReport(
        String name, long requests, long errors, double seconds, Histogram latencies, long cpuNanos, String cpuSplit) {

    double perSecond() {
        return requests / seconds;
    }

    double millis(double percentile) {
        return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "%-26s %9d %7d %10.0f %9.2f %9.2f %9.2f %9.2f %11.0f",
                name,
                requests,
                errors,
                perSecond(),
                millis(50),
                millis(99),
                millis(99.9),
                latencies.getMaxValue() / 1000.0,
                requests == 0 ? Double.NaN : cpuNanos / 1000.0 / requests);
    }

    static String header() {
        return String.format(
                Locale.ROOT,
                "%-26s %9s %7s %10s %9s %9s %9s %9s %11s",
                "phase",
                "requests",
                "errors",
                "req/s",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "max ms",
                "cpu µs/req");
    }
}
