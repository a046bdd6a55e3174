package io.slotbridge.followup.client;

/** A channel from {@code GET /v3/channels}; only {@code state = active} can send. */
public record WazzupChannel(String channelId, String transport, String plainId, String state) {

    public boolean isActive() {
        return "active".equals(state);
    }
}
