package io.slotbridge.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lowest-precedence defaults that make Boot's own Kafka auto-configuration speak the contracts: string keys, JSON
 * contract bodies, idempotent acks=all producers, and consumers whose bad records reach the dead-letter topic with
 * their raw bytes. Any service setting overrides these.
 */
public class KafkaDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "slotbridgeKafkaDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.value-serializer", ContractSerializer.class.getName());
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.properties.linger.ms", "5");
        defaults.put("spring.kafka.producer.properties.delivery.timeout.ms", "30000");
        defaults.put("spring.kafka.producer.properties.request.timeout.ms", "10000");
        defaults.put(
                "spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put(
                "spring.kafka.consumer.value-deserializer",
                "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        defaults.put(
                "spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
                ContractDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        defaults.put("spring.kafka.listener.missing-topics-fatal", "false");
        defaults.put("spring.kafka.admin.fail-fast", "false");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
