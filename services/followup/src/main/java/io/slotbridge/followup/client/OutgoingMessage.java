package io.slotbridge.followup.client;

import java.util.List;

/**
 * One {@code POST /v3/message}: either an approved WABA template ({@code templateId} + {@code templateValues}) or free
 * text, to a WhatsApp chat (the client's phone, digits only).
 */
public record OutgoingMessage(
        String chatId, String crmMessageId, String templateId, List<String> templateValues, String text) {

    public static OutgoingMessage template(String chatId, String crmMessageId, String templateId, List<String> values) {
        return new OutgoingMessage(chatId, crmMessageId, templateId, List.copyOf(values), null);
    }

    public static OutgoingMessage text(String chatId, String crmMessageId, String text) {
        return new OutgoingMessage(chatId, crmMessageId, null, List.of(), text);
    }

    public boolean isTemplate() {
        return templateId != null;
    }
}
