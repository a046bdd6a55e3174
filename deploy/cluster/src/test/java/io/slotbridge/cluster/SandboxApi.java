package io.slotbridge.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox as people and tools use it: the public amoCRM and Google Calendar APIs with the {@code sandbox-admin}
 * token (a manager in the CRM, an expert in the calendar), Wazzup's sent messages and the control API. 429s are
 * waited out, as a person clicking again would.
 */
final class SandboxApi {

    static final String TENANT = "demo";
    static final String CALENDAR = "kev-demo@group.calendar.google.com";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = Http.client();

    SandboxApi(String base) {
        this.base = base;
    }

    // ---- control API

    /** The sandbox's per-integration amoCRM limit (7/s as amoCRM) raised for the test's driver and connector. */
    void setAmoCrmRateLimit(double requestsPerSecond) {
        send("PUT", "/sandbox/faults/amocrm", JSON.createObjectNode().put("rateLimitPerSecond", requestsPerSecond));
    }

    JsonNode stats() {
        return send("GET", "/sandbox/stats", null);
    }

    JsonNode wazzupMessages() {
        return send("GET", "/sandbox/wazzup/messages", null);
    }

    // ---- amoCRM, as the CRM's users

    List<Long> createContacts(JsonNode contacts) {
        return ids(send("POST", amo("/contacts"), contacts), "contacts");
    }

    List<Long> createLeads(JsonNode leads) {
        return ids(send("POST", amo("/leads"), leads), "leads");
    }

    void updateLeads(JsonNode leads) {
        send("PATCH", amo("/leads"), leads);
    }

    List<JsonNode> leads() {
        return pages(amo("/leads?limit=250"), "leads");
    }

    List<JsonNode> tasks() {
        return pages(amo("/tasks?limit=250"), "tasks");
    }

    List<JsonNode> notes() {
        return pages(amo("/leads/notes?limit=250"), "notes");
    }

    // ---- Google Calendar, as the experts

    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        String pageToken = null;
        do {
            String path = google("/events?maxResults=2500&showDeleted=true"
                    + (pageToken == null ? "" : "&pageToken=" + encode(pageToken)));
            JsonNode page = send("GET", path, null);
            page.path("items").forEach(events::add);
            pageToken = page.path("nextPageToken").isTextual()
                    ? page.get("nextPageToken").asText()
                    : null;
        } while (pageToken != null);
        return events;
    }

    void paint(String eventId, String colorId) {
        send(
                "PATCH",
                google("/events/" + encode(eventId)),
                JSON.createObjectNode().put("colorId", colorId));
    }

    // ----

    private List<JsonNode> pages(String path, String name) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = send("GET", path + "&page=" + page, null);
            if (body == null) {
                return all; // amoCRM answers an empty page with 204
            }
            JsonNode items = body.path("_embedded").path(name);
            items.forEach(all::add);
            if (items.size() < 250) {
                return all;
            }
        }
    }

    private static List<Long> ids(JsonNode answer, String name) {
        List<Long> ids = new ArrayList<>();
        answer.path("_embedded")
                .path(name)
                .forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static String amo(String path) {
        return "/amocrm/" + TENANT + "/api/v4" + path;
    }

    private static String google(String path) {
        return "/google/calendar/v3/calendars/" + encode(CALENDAR) + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** JSON in, JSON out (null for 204); retries 429 and 5xx a while, fails on anything else. */
    JsonNode send(String method, String path, JsonNode body) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer sandbox-admin")
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 204) {
                    return null;
                }
                if (status / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                if ((status == 429 || status >= 500) && attempt < 30) {
                    JvmProcess.sleep(Duration.ofMillis(200L * attempt));
                    continue;
                }
                throw new IllegalStateException(method + " " + path + " -> " + status + ": " + response.body());
            } catch (IOException e) {
                if (attempt >= 10) {
                    throw new IllegalStateException(method + " " + path + " failed", e);
                }
                JvmProcess.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
