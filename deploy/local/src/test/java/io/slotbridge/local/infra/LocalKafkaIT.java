package io.slotbridge.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** The launcher's broker has every catalogue topic, and the compacted ones compacted (their dead letters not). */
class LocalKafkaIT {

    @Test
    void everyCatalogueTopicExistsAndExactlyTheCompactedOnesAreCompacted() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(0, 1);
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(Topics.allNamesWithDlts());

            List<ConfigResource> topics = Topics.allNamesWithDlts().stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .toList();
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);

            assertThat(Topics.ALL.stream().filter(TopicSpec::compacted)).isNotEmpty();
            configs.forEach((topic, config) -> {
                boolean compacted = Topics.byName(topic.name())
                        .map(TopicSpec::compacted)
                        .orElse(false); // dead-letter topics are not in byName: never compacted
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                        .as(topic.name())
                        .isEqualTo(compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
            });
        }
    }
}
