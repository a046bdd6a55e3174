package io.slotbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderFixturesTest {

    @Test
    void body_strips_source_lines_and_keeps_the_raw_payload() {
        String body = ProviderFixtures.body("amocrm/status-change-2.txt");

        assertThat(body).startsWith("leads%5Bstatus%5D%5B0%5D%5Bid%5D=10754147").doesNotContain("# source");
        assertThat(body).hasSize(301); // the Content-Length observed on the wire
    }

    @Test
    void headers_of_a_google_push_capture_are_readable() {
        assertThat(ProviderFixtures.headers("google/push-exists-1.txt"))
                .containsEntry("X-Goog-Resource-State", "exists")
                .containsEntry("Content-Length", "0");
    }

    @Test
    void every_listed_fixture_exists() {
        ProviderFixtures.list("amocrm")
                .forEach(p -> assertThat(ProviderFixtures.body(p)).isNotBlank());
        ProviderFixtures.list("bitrix24")
                .forEach(p -> assertThat(ProviderFixtures.body(p)).isNotBlank());
    }
}
