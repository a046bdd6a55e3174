package io.slotbridge.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.slotbridge.contracts.ContractSamples;
import io.slotbridge.contracts.Topics;
import io.slotbridge.gateway.ingest.domain.Outbound;
import io.slotbridge.platform.kafka.EnvelopePublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

/** Where the send and the answer run: the point of the class is to avoid thread hops without ever blocking a loop. */
class AckedPublisherTest {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final EnvelopePublisher kafka = mock(EnvelopePublisher.class);
    private final AckedPublisher publisher = new AckedPublisher(kafka);
    private final ExecutorService answerLoop =
            Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "answer-loop"));
    private final AtomicReference<String> sentOn = new AtomicReference<>();

    private final List<Outbound> records =
            List.of(Outbound.to(Topics.CRM_LEAD_HINTS, ContractSamples.leadChangeNoticed()));

    @AfterEach
    void stop() {
        answerLoop.shutdownNow();
    }

    @Test
    void the_first_send_to_a_topic_leaves_the_calling_thread_because_it_may_wait_for_metadata() {
        kafkaAcknowledges();

        String answeredOn = publishFromThisThread();

        assertThat(sentOn.get()).startsWith("boundedElastic");
        assertThat(answeredOn).isEqualTo("answer-loop");
    }

    @Test
    void once_the_topic_was_acknowledged_the_send_stays_on_the_calling_thread() {
        kafkaAcknowledges();
        publishFromThisThread();

        publishFromThisThread();

        assertThat(sentOn.get()).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void after_a_failed_send_the_next_one_leaves_the_calling_thread_again() {
        kafkaAcknowledges();
        publishFromThisThread();
        when(kafka.send(anyString(), any(), anyMap())).thenAnswer(invocation -> {
            sentOn.set(Thread.currentThread().getName());
            return CompletableFuture.failedFuture(new TimeoutException("Expiring 1 record(s)"));
        });
        assertThatThrownBy(this::publishFromThisThread).isInstanceOf(TimeoutException.class);

        kafkaAcknowledges();
        publishFromThisThread();

        assertThat(sentOn.get()).startsWith("boundedElastic");
    }

    @Test
    void without_an_answer_executor_the_acknowledgement_is_answered_on_the_parallel_scheduler() {
        kafkaAcknowledges();

        String answeredOn = publisher
                .publishAll(records, ACK_TIMEOUT)
                .then(Mono.fromCallable(() -> Thread.currentThread().getName()))
                .block();

        assertThat(answeredOn).startsWith("parallel");
    }

    @Test
    void a_send_that_throws_fails_the_request_instead_of_hanging_it() {
        when(kafka.send(anyString(), any(), anyMap())).thenThrow(new IllegalStateException("producer closed"));

        assertThatThrownBy(this::publishFromThisThread).hasMessageContaining("producer closed");
    }

    @Test
    void on_an_event_loop_a_missing_acknowledgement_fails_the_request_at_the_deadline_and_a_late_one_changes_nothing() {
        ScheduledThreadPoolExecutor loop = timeKeepingLoop();
        kafkaAcknowledges();
        publishOn(loop, ACK_TIMEOUT);
        CompletableFuture<Object> pending = new CompletableFuture<>();
        when(kafka.send(anyString(), any(), anyMap())).thenAnswer(invocation -> pending);
        List<Throwable> dropped = new CopyOnWriteArrayList<>();
        Hooks.onErrorDropped(dropped::add);
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> publishOn(loop, Duration.ofMillis(200)))
                    .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class)
                    .hasMessageContaining("200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(190), WAIT);

            pending.completeExceptionally(new IllegalStateException("broker answered at last"));
            loop.submit(() -> {}).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(dropped).isEmpty();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            Hooks.resetOnErrorDropped();
            loop.shutdownNow();
        }
    }

    @Test
    void on_an_event_loop_an_acknowledgement_in_time_answers_there_and_cancels_the_deadline() {
        ScheduledThreadPoolExecutor loop = timeKeepingLoop();
        try {
            kafkaAcknowledges();
            publishOn(loop, ACK_TIMEOUT);

            String answeredOn = publishOn(loop, ACK_TIMEOUT);

            assertThat(sentOn.get()).isEqualTo(Thread.currentThread().getName());
            assertThat(answeredOn).isEqualTo("time-keeping-loop");
            assertThat(loop.getQueue()).as("deadline timers left behind").isEmpty();
        } finally {
            loop.shutdownNow();
        }
    }

    private static ScheduledThreadPoolExecutor timeKeepingLoop() {
        ScheduledThreadPoolExecutor loop =
                new ScheduledThreadPoolExecutor(1, runnable -> new Thread(runnable, "time-keeping-loop"));
        loop.setRemoveOnCancelPolicy(true);
        return loop;
    }

    private String publishOn(ScheduledExecutorService loop, Duration ackTimeout) {
        return publisher
                .publishAll(records, ackTimeout)
                .then(Mono.fromCallable(() -> Thread.currentThread().getName()))
                .contextWrite(context -> context.put(AckedPublisher.ANSWER_ON, (Executor) loop))
                .block(WAIT);
    }

    private void kafkaAcknowledges() {
        when(kafka.send(anyString(), any(), anyMap())).thenAnswer(invocation -> {
            sentOn.set(Thread.currentThread().getName());
            return CompletableFuture.completedFuture(null);
        });
    }

    private String publishFromThisThread() {
        return publisher
                .publishAll(records, ACK_TIMEOUT)
                .then(Mono.fromCallable(() -> Thread.currentThread().getName()))
                .contextWrite(context -> context.put(AckedPublisher.ANSWER_ON, (Executor) answerLoop))
                .block();
    }
}
