package io.slotbridge.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotbridge.platform.kafka.EnvelopePublisher;
import io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Transactional outbox and inbox dedupe for services that own a PostgreSQL schema. */
@AutoConfiguration(
        after = {
            DataSourceAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class,
            PlatformKafkaAutoConfiguration.class
        })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean({JdbcTemplate.class, PlatformTransactionManager.class, KafkaProperties.class})
@ConditionalOnProperty(prefix = "slotbridge.outbox", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformOutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public OutboxRelay outboxRelay(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            KafkaProperties kafkaProperties,
            OutboxProperties properties,
            EnvelopePublisher publisher,
            ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = new LinkedHashMap<>(kafkaProperties.buildProducerProperties(null));
        KafkaTemplate<String, byte[]> raw = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
        return new OutboxRelay(
                jdbc,
                new TransactionTemplate(transactionManager),
                raw,
                properties.pollInterval(),
                properties.batchSize(),
                "slotbridge-outbox:" + publisher.source(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    public OutboxWriter outboxWriter(JdbcTemplate jdbc, EnvelopePublisher publisher, OutboxRelay relay) {
        return new OutboxWriter(jdbc, publisher.source(), relay);
    }

    @Bean
    @ConditionalOnMissingBean
    public InboxDeduplicator inboxDeduplicator(JdbcTemplate jdbc) {
        return new InboxDeduplicator(jdbc);
    }
}
