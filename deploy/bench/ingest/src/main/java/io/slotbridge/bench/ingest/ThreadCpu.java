package io.slotbridge.bench.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time per thread group between two snapshots, so a run shows where its CPU went: HTTP event loops (server and
 * load generator share them), the Kafka producer, the embedded broker, schedulers.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> cpuAtStart = snapshot();

    /** The top groups by CPU since this was created, as "name share%" pairs. */
    String topGroups(int limit) {
        Map<Long, Long> now = snapshot();
        Map<String, Long> byGroup = new HashMap<>();
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(
                now.keySet().stream().mapToLong(Long::longValue).toArray())) {
            if (info == null) {
                continue;
            }
            long used = now.getOrDefault(info.getThreadId(), 0L) - cpuAtStart.getOrDefault(info.getThreadId(), 0L);
            byGroup.merge(group(info.getThreadName()), used, Long::sum);
            total += used;
        }
        long all = Math.max(1, total);
        return byGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / all))
                .collect(Collectors.joining(", "));
    }

    private static String group(String threadName) {
        String name = threadName.replaceAll("\\d+", "N");
        if (name.startsWith("kafka-producer-network-thread")) {
            return "kafka producer";
        }
        if (name.startsWith("data-plane-kafka")
                || name.startsWith("kafka-")
                || name.startsWith("quorum")
                || name.startsWith("broker-")
                || name.startsWith("controller-")) {
            return "kafka broker";
        }
        return name;
    }

    private static Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }
}
