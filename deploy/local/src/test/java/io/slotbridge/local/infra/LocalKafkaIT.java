package io.slotbridge.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import java.util.HashMap;
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
            assertThat(Topics.ALL.stream().filter(TopicSpec::compacted)).isNotEmpty();
            // the controller has accepted the change when start() returns; the broker applies it a moment later
            Map<String, String> expected = new HashMap<>();
            topics.forEach(topic -> expected.put(topic.name(), expectedPolicy(topic.name())));
            Map<String, String> actual = policies(admin, topics);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!actual.equals(expected) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                actual = policies(admin, topics);
            }
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static String expectedPolicy(String topic) {
        boolean compacted = Topics.byName(topic)
                .map(TopicSpec::compacted)
                .orElse(false); // dead-letter topics are not in byName: never compacted
        return compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE;
    }

    private static Map<String, String> policies(Admin admin, List<ConfigResource> topics) throws Exception {
        Map<ConfigResource, Config> configs =
                admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);
        Map<String, String> policies = new HashMap<>();
        configs.forEach((topic, config) -> policies.put(
                topic.name(), config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
        return policies;
    }
}
