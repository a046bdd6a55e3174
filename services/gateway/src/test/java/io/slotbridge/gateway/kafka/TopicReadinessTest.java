package io.slotbridge.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TopicReadinessTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final TopicReadiness readiness = new TopicReadiness(100, now::get);

    @Test
    void a_topic_is_ready_only_after_an_acknowledgement_and_only_for_the_freshness_window() {
        assertThat(readiness.allReady(List.of("a"))).isFalse();

        readiness.acknowledged("a");
        now.addAndGet(100);
        assertThat(readiness.allReady(List.of("a"))).isTrue();

        now.addAndGet(1);
        assertThat(readiness.allReady(List.of("a"))).isFalse();
    }

    @Test
    void every_topic_of_a_request_must_be_ready() {
        readiness.acknowledged("a");

        assertThat(readiness.allReady(List.of("a", "b"))).isFalse();

        readiness.acknowledged("b");
        assertThat(readiness.allReady(List.of("a", "b"))).isTrue();
    }

    @Test
    void a_failure_makes_the_topic_unready_at_once() {
        readiness.acknowledged("a");

        readiness.failed("a");

        assertThat(readiness.allReady(List.of("a"))).isFalse();
    }
}
