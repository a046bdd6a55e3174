package io.slotbridge.followup.client;

/** What {@code GET /v3/webhooks} says: where Wazzup delivers, and whether messages and statuses are subscribed. */
public record WazzupWebhooks(String webhooksUri, boolean messagesAndStatuses) {}
