package io.slotbridge.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** Contract-aware Kafka beans for every service: publisher, dead-letter error handler, catalogue topics. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(PlatformKafkaProperties.class)
public class PlatformKafkaAutoConfiguration {

    /** Header naming the service whose listener gave up on a record. */
    public static final String FAILED_BY_HEADER = "slotbridge_failed_by";

    /** Header with the most telling reason a record was dead-lettered, in words a person can act on. */
    public static final String REASON_HEADER = "slotbridge_reason";

    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("unchecked")
    public EnvelopePublisher envelopePublisher(
            KafkaTemplate<?, ?> kafkaTemplate,
            PlatformKafkaProperties properties,
            Environment environment,
            ObjectProvider<MeterRegistry> meters) {
        return new EnvelopePublisher(
                (KafkaTemplate<String, Envelope>) kafkaTemplate,
                serviceName(properties, environment),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    public DeadLetterSender deadLetterSender(
            KafkaProperties kafkaProperties, PlatformKafkaProperties properties, Environment environment) {
        return new DeadLetterSender(
                kafkaProperties.buildProducerProperties(null), serviceName(properties, environment));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    public DefaultErrorHandler slotbridgeErrorHandler(
            DeadLetterSender deadLetters, PlatformKafkaProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters.template());
        String service = deadLetters.service();
        recoverer.setHeadersFunction((record, exception) -> new RecordHeaders(new RecordHeader[] {
            new RecordHeader(FAILED_BY_HEADER, service.getBytes(StandardCharsets.UTF_8)),
            new RecordHeader(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8))
        }));
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxAttempts(properties.retryAttempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonMessageException.class, IllegalArgumentException.class);
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    @Bean
    @ConditionalOnProperty(prefix = "slotbridge.kafka", name = "create-topics", matchIfMissing = true)
    public KafkaAdmin.NewTopics slotbridgeTopics(PlatformKafkaProperties properties) {
        NewTopic[] topics = Topics.ALL.stream()
                .flatMap(spec -> java.util.stream.Stream.of(spec.name(), spec.dlt())
                        .map(name -> {
                            TopicBuilder topic = TopicBuilder.name(name)
                                    .partitions(
                                            properties.partitions() != null
                                                    ? properties.partitions()
                                                    : spec.partitions())
                                    .replicas(properties.replicationFactor());
                            // a compacted topic is state rebuilt from the beginning; its dead letters still expire
                            return (spec.compacted() && name.equals(spec.name()) ? topic.compact() : topic).build();
                        }))
                .toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(topics);
    }

    /** Our own poison/serialization message if there is one in the cause chain, else the root cause's. */
    static String reason(Throwable exception) {
        Throwable root = exception;
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof PoisonMessageException
                    || t instanceof org.apache.kafka.common.errors.SerializationException) {
                return String.valueOf(t.getMessage());
            }
            root = t;
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static String serviceName(PlatformKafkaProperties properties, Environment environment) {
        if (properties.service() != null && !properties.service().isBlank()) {
            return properties.service();
        }
        return environment.getProperty("spring.application.name", "slotbridge");
    }
}
