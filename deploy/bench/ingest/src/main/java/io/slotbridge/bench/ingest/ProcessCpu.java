package io.slotbridge.bench.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of the bench's processes between two snapshots, per process and per thread group, read from Linux's
 * {@code /proc/<pid>/task/<tid>/stat} (user + system time; thread names as the kernel keeps them, 15 characters).
 * Where there is no {@code /proc}, every figure is 0 and the split says so.
 */
final class ProcessCpu {

    /** Linux's USER_HZ, the unit of the times in {@code stat}: 100 on every mainstream architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** The thread group of the JIT's compiler threads. */
    static final String JIT = "JIT";

    /** Not a thread group: the part of all groups' time spent in the kernel (system calls, wake-ups). */
    static final String KERNEL = "(kernel)";

    private final Map<String, Long> pids;
    private final Map<String, Map<String, Long>> atStart;

    /** @param pids the processes to watch, by the name to print */
    ProcessCpu(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
        this.atStart = snapshot();
    }

    /** What the watched processes used since this was created, by process and thread group. */
    Usage since() {
        Map<String, Map<String, Long>> used = new LinkedHashMap<>();
        snapshot().forEach((process, groups) -> {
            Map<String, Long> before = atStart.getOrDefault(process, Map.of());
            Map<String, Long> delta = new HashMap<>();
            // a thread that ended meanwhile is missing from now: its time is lost, which only under-counts
            groups.forEach((group, nanos) -> delta.put(group, Math.max(0, nanos - before.getOrDefault(group, 0L))));
            used.put(process, delta);
        });
        return new Usage(used);
    }

    /** CPU nanoseconds one thread group of one process has used so far (e.g. a server's {@code JIT}). */
    static long groupNanos(long pid, String group) {
        return threadGroups(pid).getOrDefault(group, 0L);
    }

    /** CPU nanoseconds by process and thread group. */
    record Usage(Map<String, Map<String, Long>> byProcess) {

        long totalNanos() {
            return byProcess.values().stream().mapToLong(Usage::threadNanos).sum();
        }

        private static long threadNanos(Map<String, Long> groups) {
            return groups.entrySet().stream()
                    .filter(group -> !group.getKey().equals(KERNEL))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        /**
         * "name µs, kernel share (top thread groups)" per process, for the requests served meanwhile; processes that used under a
         * microsecond per request (the idle servers) are left out.
         */
        String perRequest(long requests) {
            if (byProcess.values().stream().allMatch(Map::isEmpty)) {
                return "not available (no /proc)";
            }
            List<String> parts = new ArrayList<>();
            byProcess.forEach((process, groups) -> {
                long nanos = threadNanos(groups);
                double micros = nanos / 1000.0 / Math.max(1, requests);
                if (micros >= 1) {
                    parts.add(String.format(
                            Locale.ROOT,
                            "%s %.0f µs, %.0f%% in the kernel (%s)",
                            process,
                            micros,
                            100.0 * groups.getOrDefault(KERNEL, 0L) / Math.max(1, nanos),
                            topGroups(groups, nanos)));
                }
            });
            return String.join("; ", parts);
        }

        private static String topGroups(Map<String, Long> groups, long total) {
            return groups.entrySet().stream()
                    .filter(group -> !group.getKey().equals(KERNEL))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(3)
                    .map(e -> String.format(
                            Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)))
                    .collect(Collectors.joining(", "));
        }
    }

    private Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> byProcess = new LinkedHashMap<>();
        pids.forEach((name, pid) -> byProcess.put(name, threadGroups(pid)));
        return byProcess;
    }

    private static Map<String, Long> threadGroups(long pid) {
        Map<String, Long> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    // "tid (comm) state ppid …": the name may hold spaces, the fields after its ')' do not
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    long user = Long.parseLong(fields[11]) * NANOS_PER_TICK; // utime
                    long kernel = Long.parseLong(fields[12]) * NANOS_PER_TICK; // stime
                    groups.merge(group(stat.substring(open + 1, close)), user + kernel, Long::sum);
                    groups.merge(KERNEL, kernel, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between listing and reading
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return groups;
    }

    private static String group(String threadName) {
        if (threadName.startsWith("GC ") || threadName.startsWith("G1 ")) {
            return "GC";
        }
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return JIT;
        }
        String name = threadName.replaceAll("\\d+", "N");
        if (name.startsWith("kafka-producer")) {
            return "kafka producer";
        }
        if (name.startsWith("data-plane") || name.startsWith("kafka") || name.startsWith("quorum")) {
            return "kafka broker";
        }
        if (name.startsWith("reactor-http")) {
            return "event loops";
        }
        return name;
    }
}
