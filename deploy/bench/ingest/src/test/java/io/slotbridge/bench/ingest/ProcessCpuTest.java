package io.slotbridge.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The CPU a process used, split by thread group, as the bench prints it per request. */
class ProcessCpuTest {

    @Test
    void a_busy_event_loop_thread_is_counted_in_its_process_under_its_group() throws InterruptedException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        long pid = ProcessHandle.current().pid();
        ProcessCpu cpu = new ProcessCpu(Map.of("bench", pid));
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);

        // it spins for 200 ms of its own CPU time, however busy the machine, and stays alive until it was read:
        // an ended thread's time leaves /proc with it
        Thread busy = new Thread(
                () -> {
                    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                    while (threads.getCurrentThreadCpuTime() < 200_000_000L) {
                        Thread.onSpinWait();
                    }
                    spun.countDown();
                    awaitQuietly(read);
                },
                "reactor-http-epoll-9");
        busy.start();
        assertThat(spun.await(30, TimeUnit.SECONDS)).isTrue();
        ProcessCpu.Usage used = cpu.since();
        read.countDown();
        busy.join();

        long eventLoops = used.byProcess().get("bench").getOrDefault("event loops", 0L);
        assertThat(eventLoops).as("event-loop CPU in ns").isGreaterThanOrEqualTo(150_000_000L);
        assertThat(used.totalNanos()).isGreaterThanOrEqualTo(eventLoops);
        assertThat(used.perRequest(1000)).startsWith("bench ").contains("event loops");
    }

    @Test
    void servers_that_stayed_idle_are_left_out_of_the_split() {
        ProcessCpu.Usage used = new ProcessCpu.Usage(Map.of(
                "gateway",
                Map.of("event loops", 150_000_000L, "kafka producer", 50_000_000L, ProcessCpu.KERNEL, 80_000_000L),
                "bare",
                Map.of("event loops", 10_000L)));

        assertThat(used.perRequest(1000))
                .isEqualTo("gateway 200 µs, 40% in the kernel (event loops 75%, kafka producer 25%)");
        assertThat(used.totalNanos()).isEqualTo(200_010_000L);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
