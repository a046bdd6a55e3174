package io.slotbridge.followup.client;

/**
 * One tenant's Wazzup connection: API base URL, API (or sidecar) key and the WhatsApp channel to send from.
 * The key never appears in {@link #toString()}.
 */
public record WazzupAccount(String tenant, String baseUrl, String apiKey, String channelId) {

    public boolean isConfigured() {
        return notBlank(baseUrl) && notBlank(apiKey) && notBlank(channelId);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "WazzupAccount[tenant=" + tenant + ", baseUrl=" + baseUrl + ", channelId=" + channelId + ", apiKey="
                + (apiKey == null ? "unset" : "***") + "]";
    }
}
