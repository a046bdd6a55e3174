package io.slotbridge.console.alert.domain;

import io.slotbridge.console.alert.domain.AlertCandidate.Severity;
import io.slotbridge.console.connection.domain.ConnectionHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The alert rules: which conditions in the current state deserve a person's attention. */
public final class AlertRules {

    public static final String DEAD_LETTERS_GROWING = "dead-letters-growing";
    public static final String CRM_BLOCKED = "crm-blocked";
    public static final String TOKEN_REFRESH_FAILING = "token-refresh-failing";
    public static final String WATCH_CHANNEL_NOT_RENEWED = "watch-channel-not-renewed";
    public static final String CONSUMER_LAG = "consumer-lag";
    public static final String CONNECTION_SILENT = "connection-silent";

    public static final List<String> ALL = List.of(
            DEAD_LETTERS_GROWING,
            CRM_BLOCKED,
            TOKEN_REFRESH_FAILING,
            WATCH_CHANNEL_NOT_RENEWED,
            CONSUMER_LAG,
            CONNECTION_SILENT);

    private final AlertThresholds thresholds;

    public AlertRules(AlertThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public List<AlertCandidate> evaluate(AlertInputs inputs, Instant now) {
        List<AlertCandidate> found = new ArrayList<>();
        inputs.deadLetters().forEach(arrivals -> deadLetters(arrivals, found));
        for (ConnectionHealth connection : inputs.connections()) {
            crmBlocked(connection, found);
            tokenRefresh(connection, now, found);
            watchChannel(connection, now, found);
            silent(connection, now, found);
        }
        inputs.lags().forEach(lag -> lag(lag, found));
        return found.stream()
                .filter(candidate -> !thresholds.disabledRules().contains(candidate.rule()))
                .toList();
    }

    private void deadLetters(AlertInputs.DeadLetterArrivals arrivals, List<AlertCandidate> found) {
        if (arrivals.count() < thresholds.deadLetterCount()) {
            return;
        }
        found.add(new AlertCandidate(
                DEAD_LETTERS_GROWING,
                arrivals.tenant(),
                arrivals.topic(),
                Severity.WARNING,
                arrivals.count() + " new dead letter" + (arrivals.count() == 1 ? "" : "s") + " on " + arrivals.topic()
                        + " in the last " + minutes(thresholds.deadLetterWindow()) + " min"
                        + (arrivals.newestReason() == null ? "" : "; newest: " + arrivals.newestReason())));
    }

    private static void crmBlocked(ConnectionHealth c, List<AlertCandidate> found) {
        long blocked = c.blockedLastMinute() == null ? 0 : c.blockedLastMinute();
        if (!c.isCrm() || (!"blocked".equals(c.status()) && blocked == 0)) {
            return;
        }
        found.add(new AlertCandidate(
                CRM_BLOCKED,
                c.tenant(),
                c.connection(),
                Severity.CRITICAL,
                name(c.connection()) + " blocks our requests (403"
                        + (blocked > 0 ? ", " + blocked + " in the last minute" : "")
                        + "): CRM writes are paused until the block lifts"));
    }

    private static void tokenRefresh(ConnectionHealth c, Instant now, List<AlertCandidate> found) {
        String refresh = c.details().getOrDefault("token-refresh", "").toLowerCase(Locale.ROOT);
        String problem = null;
        if ("needs-reauth".equals(c.status())) {
            problem = "needs to be connected again (the grant was revoked or the refresh token is no longer valid)";
        } else if (refresh.startsWith("fail")) {
            problem = "cannot refresh its access token" + (c.detail() == null ? "" : ": " + c.detail());
        } else if (c.tokenExpiresAt() != null && c.tokenExpiresAt().isBefore(now)) {
            problem = "has an access token that expired at " + c.tokenExpiresAt() + " and was not refreshed";
        }
        if (problem != null) {
            found.add(new AlertCandidate(
                    TOKEN_REFRESH_FAILING,
                    c.tenant(),
                    c.connection(),
                    Severity.CRITICAL,
                    name(c.connection()) + " " + problem));
        }
    }

    private void watchChannel(ConnectionHealth c, Instant now, List<AlertCandidate> found) {
        Instant expiry = c.channelExpiresAt();
        if (expiry == null) {
            return;
        }
        if (expiry.isBefore(now)) {
            found.add(new AlertCandidate(
                    WATCH_CHANNEL_NOT_RENEWED,
                    c.tenant(),
                    c.connection(),
                    Severity.CRITICAL,
                    "the Google Calendar watch channel expired at " + expiry
                            + ": calendar changes now arrive only with the periodic sweep"));
        } else if (expiry.isBefore(now.plus(thresholds.channelRenewalMargin()))) {
            found.add(new AlertCandidate(
                    WATCH_CHANNEL_NOT_RENEWED,
                    c.tenant(),
                    c.connection(),
                    Severity.WARNING,
                    "the Google Calendar watch channel expires at " + expiry + " and has not been renewed"));
        }
    }

    private void silent(ConnectionHealth c, Instant now, List<AlertCandidate> found) {
        if (!c.isStale(now, thresholds.reportMaxAge())) {
            return;
        }
        found.add(new AlertCandidate(
                CONNECTION_SILENT,
                c.tenant(),
                c.connection(),
                Severity.WARNING,
                c.service() + " has not reported on " + name(c.connection()) + " since " + c.reportedAt()
                        + ": the service may be down"));
    }

    private void lag(AlertInputs.GroupLag lag, List<AlertCandidate> found) {
        if (lag.lag() <= thresholds.consumerLag()) {
            return;
        }
        found.add(new AlertCandidate(
                CONSUMER_LAG,
                "*",
                lag.group(),
                Severity.WARNING,
                "consumer group " + lag.group() + " is " + lag.lag() + " records behind"
                        + (lag.worstTopic() == null ? "" : " (most on " + lag.worstTopic() + ")")));
    }

    private static long minutes(java.time.Duration duration) {
        return Math.max(1, duration.toMinutes());
    }

    static String name(String connection) {
        return switch (connection) {
            case "amocrm" -> "amoCRM";
            case "bitrix24" -> "Bitrix24";
            case "google-calendar" -> "Google Calendar";
            case "wazzup" -> "Wazzup";
            default -> connection;
        };
    }
}
