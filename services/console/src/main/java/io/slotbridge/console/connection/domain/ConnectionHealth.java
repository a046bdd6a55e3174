package io.slotbridge.console.connection.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The newest health report of one connection (amocrm, bitrix24, google-calendar, wazzup) of one tenant.
 *
 * @param statusSince when the status last changed to what it is now
 * @param requestsPerSecond the configured request budget, if the connection has one
 */
public record ConnectionHealth(
        String tenant,
        String connection,
        String service,
        String status,
        Instant statusSince,
        Instant tokenExpiresAt,
        Instant channelExpiresAt,
        Double requestsPerSecond,
        Long requestsLastMinute,
        Long throttledLastMinute,
        Long blockedLastMinute,
        String detail,
        Map<String, String> details,
        Instant reportedAt) {

    public ConnectionHealth {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Share of the last minute's request budget still unused, 0–100; null without a budget. */
    public Integer headroomPercent() {
        if (requestsPerSecond == null || requestsPerSecond <= 0 || requestsLastMinute == null) {
            return null;
        }
        double budget = requestsPerSecond * 60;
        double left = Math.max(0, budget - requestsLastMinute) / budget;
        return (int) Math.round(left * 100);
    }

    /**
     * The work the crm-connector keeps waiting for this connection behind a block or a parked method, e.g. "3
     * commands, 1 hint"; null when nothing waits or the reporter does not say.
     */
    public String waitingWork() {
        long commands = count("waitingCommands");
        long hints = count("waitingHints");
        if (commands + hints == 0) {
            return null;
        }
        String text = commands > 0 ? commands + (commands == 1 ? " command" : " commands") : "";
        if (hints > 0) {
            text += (text.isEmpty() ? "" : ", ") + hints + (hints == 1 ? " hint" : " hints");
        }
        return text;
    }

    private long count(String detail) {
        try {
            return Math.max(0, Long.parseLong(details.getOrDefault(detail, "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean isCrm() {
        return "amocrm".equals(connection) || "bitrix24".equals(connection);
    }

    public boolean isOk() {
        return "ok".equals(status);
    }

    /** True when the owning service has not reported for longer than {@code maxAge}. */
    public boolean isStale(Instant now, Duration maxAge) {
        return reportedAt.plus(maxAge).isBefore(now);
    }
}
