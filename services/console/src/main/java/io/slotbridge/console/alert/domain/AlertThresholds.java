package io.slotbridge.console.alert.domain;

import java.time.Duration;
import java.util.Set;

/**
 * When each rule fires.
 *
 * @param deadLetterWindow how far back new dead letters are counted
 * @param deadLetterCount new dead letters per tenant and topic within the window that raise the alert
 * @param consumerLag records a consumer group may be behind before it is an alert
 * @param channelRenewalMargin a watch channel expiring sooner than this without renewal raises the alert
 * @param reportMaxAge a connection whose service has not reported for longer than this raises the alert
 * @param disabledRules rule names switched off
 */
public record AlertThresholds(
        Duration deadLetterWindow,
        long deadLetterCount,
        long consumerLag,
        Duration channelRenewalMargin,
        Duration reportMaxAge,
        Set<String> disabledRules) {

    public AlertThresholds {
        disabledRules = disabledRules == null ? Set.of() : Set.copyOf(disabledRules);
    }
}
