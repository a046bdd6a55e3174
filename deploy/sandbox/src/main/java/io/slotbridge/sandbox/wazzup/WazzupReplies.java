package io.slotbridge.sandbox.wazzup;

import io.slotbridge.sandbox.core.TokenRegistry;
import org.springframework.stereotype.Component;

/** The control API's way to make a WhatsApp client (or an operator's phone) write on a channel. */
@Component
public class WazzupReplies {

    private final WazzupAccounts accounts;
    private final WazzupWebhookSender webhooks;

    public WazzupReplies(WazzupAccounts accounts, WazzupWebhookSender webhooks) {
        this.accounts = accounts;
        this.webhooks = webhooks;
    }

    public String reply(String channelId, String chatId, String text, String name, boolean echo) {
        if (accounts.channel(TokenRegistry.ADMIN_TOKEN, channelId).isEmpty()) {
            throw new IllegalArgumentException("no Wazzup channel " + channelId);
        }
        if (!chatId.matches("\\d{7,15}") || text.isBlank()) {
            throw new IllegalArgumentException("chatId (digits) and text are required");
        }
        return webhooks.inbound(channelId, chatId, text, name, echo);
    }
}
