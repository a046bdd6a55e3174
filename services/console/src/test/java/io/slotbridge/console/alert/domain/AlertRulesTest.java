package io.slotbridge.console.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.console.connection.domain.ConnectionHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final AlertThresholds THRESHOLDS =
            new AlertThresholds(Duration.ofMinutes(15), 2, 1000, Duration.ofHours(1), Duration.ofMinutes(10), Set.of());

    private final AlertRules rules = new AlertRules(THRESHOLDS);

    @Test
    void a_healthy_installation_raises_nothing() {
        assertThat(rules.evaluate(
                        inputs(List.of(), List.of(connection("amocrm", "ok", 0, null, null, NOW)), List.of()), NOW))
                .isEmpty();
    }

    @Test
    void dead_letters_alert_from_the_threshold_on() {
        var one = new AlertInputs.DeadLetterArrivals("demo", "crm.lead-events.v1", 1, "boom");
        var two = new AlertInputs.DeadLetterArrivals("demo", "sync.decisions.v1", 2, "stage unknown");

        List<AlertCandidate> found = rules.evaluate(inputs(List.of(one, two), List.of(), List.of()), NOW);

        assertThat(found).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo(AlertRules.DEAD_LETTERS_GROWING);
            assertThat(alert.key()).isEqualTo("dead-letters-growing|demo|sync.decisions.v1");
            assertThat(alert.message())
                    .isEqualTo("2 new dead letters on sync.decisions.v1 in the last 15 min; newest: stage unknown");
        });
    }

    @Test
    void a_403_block_is_critical_for_crms_only() {
        List<AlertCandidate> found = rules.evaluate(
                inputs(
                        List.of(),
                        List.of(
                                connection("amocrm", "ok", 2, null, null, NOW),
                                connection("wazzup", "blocked", 1, null, null, NOW)),
                        List.of()),
                NOW);

        assertThat(found)
                .extracting(AlertCandidate::rule, AlertCandidate::subject, AlertCandidate::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        AlertRules.CRM_BLOCKED, "amocrm", AlertCandidate.Severity.CRITICAL));
    }

    @Test
    void token_trouble_is_recognised_three_ways() {
        List<AlertCandidate> found = rules.evaluate(
                inputs(
                        List.of(),
                        List.of(
                                connection("amocrm", "needs-reauth", 0, null, null, NOW),
                                connection("bitrix24", "ok", 0, NOW.minusSeconds(60), null, NOW),
                                new ConnectionHealth(
                                        "demo",
                                        "google-calendar",
                                        "calendar-connector",
                                        "degraded",
                                        NOW,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "invalid_grant",
                                        Map.of("token-refresh", "failing"),
                                        NOW)),
                        List.of()),
                NOW);

        assertThat(found).extracting(AlertCandidate::rule).containsOnly(AlertRules.TOKEN_REFRESH_FAILING);
        assertThat(found)
                .extracting(AlertCandidate::message)
                .containsExactly(
                        "amoCRM needs to be connected again (the grant was revoked or the refresh token is no longer valid)",
                        "Bitrix24 has an access token that expired at 2026-11-23T09:59:00Z and was not refreshed",
                        "Google Calendar cannot refresh its access token: invalid_grant");
    }

    @Test
    void a_watch_channel_warns_before_expiry_and_is_critical_after() {
        List<AlertCandidate> found = rules.evaluate(
                inputs(
                        List.of(),
                        List.of(
                                connection("google-calendar", "ok", 0, null, NOW.plus(Duration.ofMinutes(30)), NOW),
                                connection("google-calendar-2", "ok", 0, null, NOW.minusSeconds(1), NOW),
                                connection("google-calendar-3", "ok", 0, null, NOW.plus(Duration.ofHours(5)), NOW)),
                        List.of()),
                NOW);

        assertThat(found)
                .extracting(AlertCandidate::subject, AlertCandidate::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("google-calendar", AlertCandidate.Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple("google-calendar-2", AlertCandidate.Severity.CRITICAL));
    }

    @Test
    void lag_above_the_threshold_and_silent_connections_warn() {
        List<AlertCandidate> found = rules.evaluate(
                inputs(
                        List.of(),
                        List.of(connection("amocrm", "ok", 0, null, null, NOW.minus(Duration.ofMinutes(11)))),
                        List.of(
                                new AlertInputs.GroupLag("sync", 1001, "crm.lead-events.v1"),
                                new AlertInputs.GroupLag("followup", 1000, null))),
                NOW);

        assertThat(found)
                .extracting(AlertCandidate::rule, AlertCandidate::tenant, AlertCandidate::subject)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AlertRules.CONNECTION_SILENT, "demo", "amocrm"),
                        org.assertj.core.groups.Tuple.tuple(AlertRules.CONSUMER_LAG, "*", "sync"));
    }

    @Test
    void disabled_rules_stay_silent() {
        AlertRules quiet = new AlertRules(new AlertThresholds(
                Duration.ofMinutes(15),
                1,
                0,
                Duration.ofHours(1),
                Duration.ofMinutes(10),
                Set.of(AlertRules.CONSUMER_LAG)));

        assertThat(quiet.evaluate(
                        inputs(List.of(), List.of(), List.of(new AlertInputs.GroupLag("sync", 5, null))), NOW))
                .isEmpty();
    }

    private static AlertInputs inputs(
            List<AlertInputs.DeadLetterArrivals> dead,
            List<ConnectionHealth> connections,
            List<AlertInputs.GroupLag> lags) {
        return new AlertInputs(dead, connections, lags, null);
    }

    private static ConnectionHealth connection(
            String name, String status, long blocked, Instant tokenExpiry, Instant channelExpiry, Instant reported) {
        return new ConnectionHealth(
                "demo",
                name,
                "crm-connector",
                status,
                reported,
                tokenExpiry,
                channelExpiry,
                7.0,
                10L,
                0L,
                blocked,
                null,
                Map.of(),
                reported);
    }
}
