package io.slotbridge.console.alert;

import io.slotbridge.console.alert.domain.AlertThresholds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alert rules and where alerts go ({@code slotbridge.console.alerts.*}).
 *
 * @param evaluateEvery how often the rules run
 * @param repeatEvery how often a still-open alert is sent again
 * @param deadLetterWindow how far back new dead letters are counted
 * @param deadLetterCount new dead letters per tenant and topic in the window that raise an alert
 * @param consumerLag records a consumer group may be behind
 * @param channelRenewalMargin a watch channel expiring sooner than this without renewal raises an alert
 * @param reportMaxAge a connection without a status report for longer than this raises an alert
 * @param disabledRules rules switched off by name
 * @param installation how this installation is named in messages (e.g. production)
 */
@Validated
@ConfigurationProperties("slotbridge.console.alerts")
public record AlertProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration evaluateEvery,
        @DefaultValue("4h") Duration repeatEvery,
        @DefaultValue("15m") Duration deadLetterWindow,
        @DefaultValue("1") @Min(1) long deadLetterCount,
        @DefaultValue("1000") @Min(0) long consumerLag,
        @DefaultValue("1h") Duration channelRenewalMargin,
        @DefaultValue("10m") Duration reportMaxAge,
        @DefaultValue Set<String> disabledRules,
        @DefaultValue("slotbridge") String installation,
        @DefaultValue @Valid Telegram telegram) {

    public AlertThresholds thresholds() {
        return new AlertThresholds(
                deadLetterWindow, deadLetterCount, consumerLag, channelRenewalMargin, reportMaxAge, disabledRules);
    }

    /**
     * Telegram Bot API delivery; off until both the bot token and the chat id are set.
     *
     * @param baseUrl the Bot API root (a stub in tests)
     * @param maxMessagesPerHour hard cap on messages, whatever happens
     */
    public record Telegram(
            String botToken,
            String chatId,
            @DefaultValue("https://api.telegram.org") URI baseUrl,
            @DefaultValue("20") @Min(1) int maxMessagesPerHour,
            @DefaultValue("10s") Duration timeout) {

        public boolean configured() {
            return botToken != null && !botToken.isBlank() && chatId != null && !chatId.isBlank();
        }

        @Override
        public String toString() {
            return "Telegram[chat=" + chatId + ", token=" + (configured() ? "***" : "unset") + ", " + baseUrl + "]";
        }
    }
}
