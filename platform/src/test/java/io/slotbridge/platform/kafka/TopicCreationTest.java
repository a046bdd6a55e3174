package io.slotbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class TopicCreationTest {

    @Test
    void a_compacted_topic_is_created_compacted_and_its_dead_letters_and_every_other_topic_are_not() {
        PlatformKafkaProperties properties = new PlatformKafkaProperties(
                "test", true, (short) 1, null, 1, Duration.ofMillis(1), Duration.ofMillis(1));

        // NewTopics hides its list from other packages; KafkaAdmin reads it the same way
        Collection<NewTopic> created = ReflectionTestUtils.invokeMethod(
                new PlatformKafkaAutoConfiguration().slotbridgeTopics(properties), "getNewTopics");
        Map<String, NewTopic> topics = created.stream().collect(Collectors.toMap(NewTopic::name, t -> t));

        assertThat(configs(topics, Topics.CRM_INSTALLATIONS.name()))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(configs(topics, Topics.CRM_INSTALLATIONS.dlt()))
                .doesNotContainKey(TopicConfig.CLEANUP_POLICY_CONFIG);
        assertThat(configs(topics, Topics.CRM_LEAD_HINTS.name())).doesNotContainKey(TopicConfig.CLEANUP_POLICY_CONFIG);
    }

    /** NewTopic answers null when a topic has no config of its own. */
    private static Map<String, String> configs(Map<String, NewTopic> topics, String name) {
        assertThat(topics).containsKey(name);
        Map<String, String> configs = topics.get(name).configs();
        return configs == null ? Map.of() : configs;
    }
}
