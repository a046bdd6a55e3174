package io.slotbridge.local.people;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's control API: what the public APIs cannot express (a WhatsApp client writing), fault injection, and
 * the counters and request log that show what Slotbridge did to the emulated services.
 */
public final class SandboxControl {

    /** One request the sandbox answered (outgoing webhooks appear with method {@code OUT POST}). */
    public record Request(String at, String api, String method, String path, int status) {

        /** A call that changes something in the emulated service (not a read, not our outgoing webhooks). */
        public boolean isWrite() {
            if (!List.of("amocrm", "bitrix24", "google", "wazzup").contains(api)) {
                return false;
            }
            if (path.startsWith("/google/batch")) {
                return false; // its inner calls are logged one by one
            }
            if (path.startsWith("/bitrix24/")) {
                String call = path.replaceAll("\\?.*", "").replaceAll("\\.json$", "");
                String name = call.substring(call.lastIndexOf('/') + 1);
                return List.of(".add", ".update", ".delete", ".bind", ".unbind").stream()
                        .anyMatch(name::endsWith);
            }
            return List.of("POST", "PATCH", "PUT", "DELETE").contains(this.method);
        }
    }

    private final SandboxHttp http;

    public SandboxControl(String sandboxUrl) {
        this.http = new SandboxHttp(sandboxUrl + "/sandbox", null, Duration.ZERO, 3);
    }

    /** A client writes to the channel from the phone number {@code chatId} (digits). */
    public String clientWrites(String channelId, String chatId, String text) {
        return http.expectOk("POST", "/wazzup/replies", Map.of("channelId", channelId, "chatId", chatId, "text", text))
                .path("messageId")
                .asText();
    }

    /** Every WhatsApp message Wazzup accepted, oldest first. */
    public List<JsonNode> whatsAppMessages() {
        List<JsonNode> messages = new ArrayList<>();
        http.expectOk("GET", "/wazzup/messages", null).forEach(messages::add);
        return messages;
    }

    /** Sets fault fields of one API ({@code amocrm}, {@code bitrix24}, {@code google}, {@code wazzup}). */
    public void faults(String api, Map<String, Object> faults) {
        http.expectOk("PUT", "/faults/" + api, faults);
    }

    public void clearFaults(String api) {
        http.expectOk("DELETE", "/faults/" + api, null);
    }

    /** Per API: calls, status429, status5xx, injectedErrors, webhooksSent, webhooksDropped, … */
    public JsonNode stats() {
        return http.expectOk("GET", "/stats", null);
    }

    /** The last {@code limit} requests, newest first. */
    public List<Request> requests(int limit) {
        List<Request> requests = new ArrayList<>();
        for (JsonNode entry : http.expectOk("GET", "/requests?limit=" + limit, null)) {
            requests.add(new Request(
                    entry.path("at").asText(),
                    entry.path("api").asText(),
                    entry.path("method").asText(),
                    entry.path("path").asText(),
                    entry.path("status").asInt()));
        }
        return requests;
    }
}
