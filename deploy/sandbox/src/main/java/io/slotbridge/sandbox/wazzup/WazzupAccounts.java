package io.slotbridge.sandbox.wazzup;

import io.slotbridge.sandbox.core.TokenRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Wazzup accounts by API key, their channels and webhook subscriptions, the WABA templates, and every message the
 * sandbox accepted (so tests can count sends). The admin key {@code sandbox-admin} is an account of its own that may
 * send on every channel; a channel's webhooks go to its owner's URI, or the admin account's when the owner has none.
 */
@Component
public class WazzupAccounts {

    /** A channel: {@code transport} whatsapp (WhatsApp Web) or wapi (WABA); {@code owner} the account's API key. */
    public record Channel(String channelId, String transport, String plainId, String state, String owner) {}

    /** A WABA template; {@code text} is the BODY with {@code {{1}}} placeholders. */
    public record Template(String templateGuid, String title, String text, String status) {
        int placeholders() {
            return (int) java.util.regex.Pattern.compile("\\{\\{\\d+}}")
                    .matcher(text)
                    .results()
                    .count();
        }
    }

    /** An accepted outgoing message and its latest status. */
    public record Message(
            String messageId,
            String channelId,
            String chatType,
            String chatId,
            String text,
            String templateId,
            List<String> templateValues,
            String crmMessageId,
            Instant sentAt,
            String status) {
        Message withStatus(String next) {
            return new Message(
                    messageId,
                    channelId,
                    chatType,
                    chatId,
                    text,
                    templateId,
                    templateValues,
                    crmMessageId,
                    sentAt,
                    next);
        }
    }

    /** A webhook subscription. */
    public record Subscription(String webhooksUri, Map<String, Boolean> subscriptions) {}

    private final Clock clock;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final Map<String, Instant> crmMessageIds = new LinkedHashMap<>();
    private final Map<String, Boolean> apiKeys = new LinkedHashMap<>();

    public WazzupAccounts(Clock clock) {
        this.clock = clock;
    }

    public synchronized void addAccount(String apiKey) {
        apiKeys.put(apiKey, true);
    }

    public synchronized boolean isKnownKey(String apiKey) {
        return TokenRegistry.ADMIN_TOKEN.equals(apiKey) || apiKeys.containsKey(apiKey);
    }

    public synchronized void addChannel(Channel channel) {
        channels.put(channel.channelId(), channel);
    }

    public synchronized void addTemplate(Template template) {
        templates.put(template.templateGuid(), template);
    }

    /** Channels the key may use: all for the admin key, its own otherwise. */
    public synchronized List<Channel> channels(String apiKey) {
        return channels.values().stream()
                .filter(c ->
                        TokenRegistry.ADMIN_TOKEN.equals(apiKey) || c.owner().equals(apiKey))
                .toList();
    }

    synchronized Optional<Channel> channel(String apiKey, String channelId) {
        return channels(apiKey).stream()
                .filter(c -> c.channelId().equals(channelId))
                .findFirst();
    }

    public synchronized List<Template> templates() {
        return List.copyOf(templates.values());
    }

    synchronized Optional<Template> template(String guid) {
        return Optional.ofNullable(templates.get(guid));
    }

    synchronized void subscribe(String apiKey, Subscription subscription) {
        subscriptions.put(apiKey, subscription);
    }

    synchronized Optional<Subscription> subscription(String apiKey) {
        return Optional.ofNullable(subscriptions.get(apiKey));
    }

    /** Where a channel's webhooks go, if anywhere subscribed to messages and statuses. */
    synchronized Optional<String> webhookTarget(String channelId) {
        Channel channel = channels.get(channelId);
        Subscription own = channel == null ? null : subscriptions.get(channel.owner());
        Subscription chosen = own != null ? own : subscriptions.get(TokenRegistry.ADMIN_TOKEN);
        if (chosen == null || !Boolean.TRUE.equals(chosen.subscriptions().get("messagesAndStatuses"))) {
            return Optional.empty();
        }
        return Optional.of(chosen.webhooksUri());
    }

    /**
     * Records the message unless its {@code crmMessageId} was used by the same key within the window.
     *
     * @return false for a repeated crmMessageId
     */
    synchronized boolean accept(String apiKey, Message message, Duration window) {
        Instant now = clock.instant();
        crmMessageIds.values().removeIf(at -> !now.isBefore(at.plus(window)));
        if (message.crmMessageId() != null) {
            String key = apiKey + "|" + message.crmMessageId();
            if (crmMessageIds.containsKey(key)) {
                return false;
            }
            crmMessageIds.put(key, now);
        }
        messages.put(message.messageId(), message);
        return true;
    }

    synchronized void status(String messageId, String status) {
        messages.computeIfPresent(messageId, (id, message) -> message.withStatus(status));
    }

    public synchronized List<Message> messages() {
        return new ArrayList<>(messages.values());
    }

    public synchronized void clear() {
        channels.clear();
        templates.clear();
        subscriptions.clear();
        messages.clear();
        crmMessageIds.clear();
        apiKeys.clear();
    }
}
