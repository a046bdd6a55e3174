package io.slotbridge.console.alert.app;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.slotbridge.console.alert.AlertProperties;
import io.slotbridge.console.alert.client.TelegramClient;
import io.slotbridge.console.alert.domain.Notice;
import io.slotbridge.console.alert.domain.TelegramDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers due notices to Telegram as one digest per round. Storms are impossible by construction: one message per
 * evaluation at most, a hard hourly cap (token bucket), and a pause for as long as Telegram asks after a 429.
 * Notices that could not go out stay due and travel with the next digest.
 */
@Component
public class AlertNotifier {

    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);

    private final TelegramClient telegram;
    private final AlertBook book;
    private final String installation;
    private final Bucket hourlyCap;
    private Instant pausedUntil = Instant.MIN;

    public AlertNotifier(TelegramClient telegram, AlertBook book, AlertProperties properties) {
        this.telegram = telegram;
        this.book = book;
        this.installation = properties.installation();
        int perHour = properties.telegram().maxMessagesPerHour();
        this.hourlyCap = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perHour)
                        .refillGreedy(perHour, Duration.ofHours(1))
                        .build())
                .build();
    }

    /** Tries to deliver; returns true when Telegram accepted the digest. */
    public boolean deliver(List<Notice> notices, Instant now) {
        if (notices.isEmpty() || !telegram.configured()) {
            return false;
        }
        if (now.isBefore(pausedUntil)) {
            return false;
        }
        if (!hourlyCap.tryConsume(1)) {
            book.recordFailure(notices, "held back: the hourly message cap is reached");
            return false;
        }
        TelegramClient.Result result = telegram.send(TelegramDigest.html(installation, notices));
        if (result.ok()) {
            book.markNotified(notices, now);
            return true;
        }
        if (result.retryAfter() != null) {
            pausedUntil = now.plus(result.retryAfter());
        }
        if (result.permanent()) {
            log.error("alerts cannot be sent to Telegram until its settings are fixed: {}", result.problem());
        } else {
            log.warn("alert digest not delivered, will retry: {}", result.problem());
        }
        book.recordFailure(notices, result.problem());
        return false;
    }
}
