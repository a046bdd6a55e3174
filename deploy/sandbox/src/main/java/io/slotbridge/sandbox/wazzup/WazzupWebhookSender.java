package io.slotbridge.sandbox.wazzup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.WebhookDispatcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Wazzup's webhooks: the {@code {"test":true}} probe on subscription, status updates of accepted messages
 * (sent → delivered → read, a step apart) and inbound {@code messages[]} (a client's reply or an operator's echo).
 */
@Component
public class WazzupWebhookSender {

    private static final String JSON = "application/json; charset=utf-8";
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final WebhookDispatcher dispatcher;
    private final WazzupAccounts accounts;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration step;

    public WazzupWebhookSender(
            WebhookDispatcher dispatcher,
            WazzupAccounts accounts,
            ObjectMapper json,
            Clock clock,
            SandboxProperties properties) {
        this.dispatcher = dispatcher;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
        this.step = properties.wazzup().statusStep();
    }

    /** The subscription probe, synchronous: its HTTP status decides whether the PATCH succeeds. */
    int probe(URI target) {
        return dispatcher.deliverNow(delivery(target, Map.of("test", true)));
    }

    /** Schedules the sent, delivered and read statuses of an accepted message, each a step after the last. */
    void statuses(String channelId, String messageId) {
        List<String> statuses = List.of("sent", "delivered", "read");
        for (int i = 0; i < statuses.size(); i++) {
            String status = statuses.get(i);
            dispatcher.later(
                    () -> {
                        accounts.status(messageId, status);
                        accounts.webhookTarget(channelId)
                                .ifPresent(target ->
                                        dispatcher.send(statusDelivery(URI.create(target), messageId, status)));
                    },
                    step.multipliedBy(i + 1L));
        }
    }

    /** An inbound message webhook: a client writing ({@code echo=false}) or an operator's phone ({@code echo=true}). */
    String inbound(String channelId, String chatId, String text, String contactName, boolean echo) {
        String messageId = UUID.randomUUID().toString();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messageId", messageId);
        message.put("dateTime", ISO_MILLIS.format(clock.instant()));
        message.put("channelId", channelId);
        message.put("chatType", "whatsapp");
        message.put("chatId", chatId);
        message.put("type", "text");
        message.put("isEcho", echo);
        if (echo) {
            message.put("authorName", contactName == null ? "Оператор" : contactName);
        } else {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("name", contactName == null ? chatId : contactName);
            contact.put("phone", chatId);
            message.put("contact", contact);
        }
        message.put("text", text);
        message.put("status", echo ? "sent" : "inbound");
        accounts.webhookTarget(channelId)
                .ifPresent(
                        target -> dispatcher.send(delivery(URI.create(target), Map.of("messages", List.of(message)))));
        return messageId;
    }

    private WebhookDispatcher.Delivery delivery(URI target, Object body) {
        try {
            return new WebhookDispatcher.Delivery(Api.WAZZUP, target, JSON, json.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebhookDispatcher.Delivery statusDelivery(URI target, String messageId, String status) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("messageId", messageId);
        entry.put("timestamp", ISO_MILLIS.format(clock.instant()));
        entry.put("status", status);
        return delivery(target, Map.of("statuses", List.of(entry)));
    }
}
