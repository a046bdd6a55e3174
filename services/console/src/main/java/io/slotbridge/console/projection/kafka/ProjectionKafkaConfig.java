package io.slotbridge.console.projection.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The console's consumer: raw bytes for keys and values (dead letters may not parse, and the console must never
 * dead-letter anything itself), batches of up to 500 records, and retries without end while the database is down.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionKafkaConfig {

    static final String RAW_BATCH_FACTORY = "consoleRawBatchFactory";

    @Bean(RAW_BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> consoleRawBatchFactory(KafkaProperties kafka) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildConsumerProperties(null));
        config.remove("spring.deserializer.value.delegate.class");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(
                new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        factory.setBatchListener(true);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        // Projection failures that reach the container are database outages: wait for the database, lose nothing.
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
