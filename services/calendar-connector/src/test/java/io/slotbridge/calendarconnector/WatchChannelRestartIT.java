package io.slotbridge.calendarconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.slotbridge.platform.test.SharedKafka;
import io.slotbridge.platform.test.SharedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Watch channels live in PostgreSQL, so a restarted connector continues with them: the application is started, stopped
 * and started again against the same database, and the second start renews the channel the first one opened.
 */
class WatchChannelRestartIT {

    private static final String CALENDAR = "restart@group.calendar.google.com";

    private final WireMockServer google = GoogleApi.server();

    @Test
    void a_channel_close_to_expiry_is_renewed_at_startup_after_a_restart_and_the_old_one_is_stopped() {
        google.stubFor(post(urlPathMatching(GoogleApi.eventsPath(CALENDAR) + "/watch"))
                .willReturn(okJson(GoogleApi.channel(
                        "echoed", "res-restart", "token", Instant.now().plus(Duration.ofMinutes(20))))));
        google.stubFor(post(urlPathEqualTo("/calendar/v3/channels/stop")).willReturn(noContent()));

        String first;
        try (ConfigurableApplicationContext app = start("10m")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !activeChannels(jdbc).isEmpty());
            first = activeChannels(jdbc).get(0);
        }
        google.verify(
                0,
                postRequestedFor(urlPathEqualTo("/calendar/v3/channels/stop"))
                        .withRequestBody(matchingJsonPath("$.resourceId", equalTo("res-restart"))));

        try (ConfigurableApplicationContext app = start("30m")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !activeChannels(jdbc).isEmpty()
                            && !activeChannels(jdbc).contains(first));
            await().atMost(Duration.ofSeconds(30)).until(() -> channelCount(jdbc) == 1);
            assertThat(activeChannels(jdbc)).hasSize(1).doesNotContain(first);
        }
        google.verify(
                1,
                postRequestedFor(urlPathEqualTo("/calendar/v3/channels/stop"))
                        .withRequestBody(matchingJsonPath("$.id", equalTo(first)))
                        .withRequestBody(matchingJsonPath("$.resourceId", equalTo("res-restart"))));
        google.verify(2, postRequestedFor(urlPathMatching(GoogleApi.eventsPath(CALENDAR) + "/watch")));
    }

    private static ConfigurableApplicationContext start(String renewBefore) {
        return CalendarConnectorApplication.application()
                .properties("spring.config.name=calendar-connector,calendar-connector-restart-it")
                .run(
                        "--server.port=0",
                        "--google.root-url=" + GoogleApi.rootUrl(),
                        "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                        "--slotbridge.kafka.partitions=" + SharedKafka.PARTITIONS,
                        "--spring.kafka.listener.auto-startup=false",
                        "--spring.datasource.url=" + SharedPostgres.jdbcUrl(),
                        "--spring.datasource.username=" + SharedPostgres.USER,
                        "--spring.datasource.password=",
                        "--slotbridge.calendar-connector.watch.renew-before=" + renewBefore);
    }

    private static List<String> activeChannels(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "select channel_id from watch_channel where tenant = 't-restart' and active", String.class);
    }

    private static int channelCount(JdbcTemplate jdbc) {
        Integer count =
                jdbc.queryForObject("select count(*) from watch_channel where tenant = 't-restart'", Integer.class);
        return count == null ? 0 : count;
    }
}
