package io.slotbridge.gateway.kafka;

import io.slotbridge.gateway.ingest.domain.Outbound;
import io.slotbridge.platform.kafka.EnvelopePublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the records of one request and completes only when Kafka acknowledged every one of them (acks=all,
 * idempotent producer), or fails when that takes longer than the ack timeout.
 */
@Component
public class AckedPublisher {

    private final EnvelopePublisher publisher;

    /**
     * {@code KafkaProducer.send} blocks for metadata (up to {@code max.block.ms}) when the broker is unreachable:
     * never on a Netty event loop.
     */
    private final Scheduler sendScheduler = Schedulers.boundedElastic();

    public AckedPublisher(EnvelopePublisher publisher) {
        this.publisher = publisher;
    }

    public Mono<Void> publishAll(List<Outbound> records, Duration ackTimeout) {
        return Mono.fromCallable(() -> sendAll(records))
                .subscribeOn(sendScheduler)
                .flatMap(Mono::fromFuture)
                // acks complete on the producer's single network thread: answer the request elsewhere
                .publishOn(Schedulers.parallel())
                .timeout(ackTimeout)
                .then();
    }

    private CompletableFuture<Void> sendAll(List<Outbound> records) {
        CompletableFuture<?>[] acks = records.stream()
                .map(out -> publisher.send(out.topic(), out.record(), out.headers()))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(acks);
    }
}
