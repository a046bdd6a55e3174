package io.slotbridge.crmconnector.config;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Both listeners take whole polls (batches) with manual acknowledgement: a batch is what gets coalesced per lead and
 * sent as one API call; what the CRM does not take yet is deferred, not redelivered (DeferredQueue). Platform defaults
 * (deserialisers, dead letters) come through Boot's configurer.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaListenersConfig {

    public static final String COMMANDS_FACTORY = "crmCommandsListenerFactory";
    public static final String HINTS_FACTORY = "crmHintsListenerFactory";

    @Bean(COMMANDS_FACTORY)
    public ConcurrentKafkaListenerContainerFactory<Object, Object> crmCommandsListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ObjectProvider<ConsumerFactory<Object, Object>> consumerFactory) {
        return batchFactory(configurer, consumerFactory.getObject());
    }

    /** Hints wait up to {@code hint-window} at the broker so that bursts about one lead arrive in one batch. */
    @Bean(HINTS_FACTORY)
    public ConcurrentKafkaListenerContainerFactory<Object, Object> crmHintsListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            KafkaProperties kafkaProperties,
            CrmConnectorProperties properties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties(null));
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int)
                properties.hintWindow().toMillis());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20);
        return batchFactory(configurer, new DefaultKafkaConsumerFactory<>(config));
    }

    private static ConcurrentKafkaListenerContainerFactory<Object, Object> batchFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        return factory;
    }
}
