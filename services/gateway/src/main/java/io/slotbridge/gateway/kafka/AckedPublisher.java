package io.slotbridge.gateway.kafka;

import io.slotbridge.gateway.ingest.domain.Outbound;
import io.slotbridge.platform.kafka.EnvelopePublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

/**
 * Publishes the records of one request and completes only when Kafka acknowledged every one of them (acks=all,
 * idempotent producer), or fails when that takes longer than the ack timeout.
 *
 * <p>Two thread hops per request cost as much CPU as the work they move, so the common case has none but the one
 * Netty needs anyway: records are handed to the producer on the calling event loop when {@link TopicReadiness} says
 * the send cannot block, and the acknowledgement is answered on the executor the caller put in the Reactor context
 * under {@link #ANSWER_ON} (the request's event loop, where the response is written). Otherwise the send goes to a
 * bounded-elastic worker and the answer to the parallel scheduler.
 */
@Component
public class AckedPublisher {

    /** Reactor context key of the {@link Executor} that should see the acknowledgement. */
    public static final String ANSWER_ON = AckedPublisher.class.getName() + ".answerOn";

    /** Well under the producer's {@code metadata.max.idle.ms} (5 min by default). */
    private static final long READY_FOR_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final EnvelopePublisher publisher;
    private final TopicReadiness readiness = new TopicReadiness(READY_FOR_NANOS, System::nanoTime);

    /**
     * {@code KafkaProducer.send} blocks for metadata (up to {@code max.block.ms}) when the broker is unreachable:
     * never on a Netty event loop.
     */
    private final Scheduler sendScheduler = Schedulers.boundedElastic();

    public AckedPublisher(EnvelopePublisher publisher) {
        this.publisher = publisher;
    }

    public Mono<Void> publishAll(List<Outbound> records, Duration ackTimeout) {
        List<String> topics = records.stream().map(Outbound::topic).toList();
        return Mono.deferContextual(context -> {
            Executor answerOn = answerExecutor(context);
            boolean ready = readiness.allReady(topics);
            if (ready && answerOn instanceof ScheduledExecutorService loop) {
                return ackedOnLoop(records, loop, ackTimeout);
            }
            Mono<Void> acked = Mono.create(sink ->
                    sendAll(records).whenComplete((ignored, error) -> answerOn.execute(() -> answer(sink, error))));
            return (ready ? acked : acked.subscribeOn(sendScheduler)).timeout(ackTimeout);
        });
    }

    /**
     * The common case: the send cannot block and the request's event loop answers. The loop also keeps the deadline,
     * a timer in its own queue; Reactor's timeout would schedule and cancel a task on the shared parallel scheduler
     * (and name itself) for every request: 2 % of the gateway's event loops in deploy/bench/ingest.
     */
    private Mono<Void> ackedOnLoop(List<Outbound> records, ScheduledExecutorService loop, Duration ackTimeout) {
        return Mono.create(sink -> {
            // timer and acknowledgement both run on the loop, one after the other: the first one answers
            boolean[] answered = {false};
            ScheduledFuture<?> deadline = loop.schedule(
                    () -> {
                        if (!answered[0]) {
                            answered[0] = true;
                            sink.error(
                                    new TimeoutException("no acknowledgement within " + ackTimeout.toMillis() + " ms"));
                        }
                    },
                    ackTimeout.toNanos(),
                    TimeUnit.NANOSECONDS);
            sink.onCancel(() -> deadline.cancel(false));
            sendAll(records)
                    .whenComplete((ignored, error) -> loop.execute(() -> {
                        deadline.cancel(false);
                        if (answered[0]) {
                            return; // too late: the request was already answered 503
                        }
                        answered[0] = true;
                        answer(sink, error);
                    }));
        });
    }

    private static Executor answerExecutor(ContextView context) {
        // acks complete on the producer's single network thread: answer the request elsewhere
        return context.<Executor>getOrEmpty(ANSWER_ON)
                .orElse(runnable -> Schedulers.parallel().schedule(runnable));
    }

    private CompletableFuture<Void> sendAll(List<Outbound> records) {
        CompletableFuture<?>[] acks = new CompletableFuture<?>[records.size()];
        for (int i = 0; i < acks.length; i++) {
            Outbound out = records.get(i);
            acks[i] = send(out);
        }
        return CompletableFuture.allOf(acks);
    }

    private CompletableFuture<?> send(Outbound out) {
        CompletableFuture<?> ack;
        try {
            ack = publisher.send(out.topic(), out.record(), out.headers());
        } catch (RuntimeException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        return ack.whenComplete((result, error) -> {
            if (error == null) {
                readiness.acknowledged(out.topic());
            } else {
                readiness.failed(out.topic());
            }
        });
    }

    private static void answer(MonoSink<Void> sink, Throwable error) {
        if (error == null) {
            sink.success();
        } else {
            sink.error(unwrap(error));
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
