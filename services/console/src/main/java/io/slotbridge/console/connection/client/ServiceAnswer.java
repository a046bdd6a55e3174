package io.slotbridge.console.connection.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What another service's admin API answered. Pages render every kind; none of them is an exception.
 *
 * @param kind {@code ok} (2xx with a JSON body or none), {@code problem} (4xx/5xx, problem+json detail if any),
 *     {@code unreachable} (no answer in time), {@code not-configured} (no base URL or no admin token)
 * @param status the HTTP status when there was one
 * @param body the JSON answer for {@code ok}
 * @param message a sentence for the page
 */
public record ServiceAnswer(String service, String kind, Integer status, JsonNode body, String message) {

    public boolean ok() {
        return "ok".equals(kind);
    }

    public boolean unreachable() {
        return "unreachable".equals(kind);
    }

    static ServiceAnswer ok(String service, int status, JsonNode body) {
        return new ServiceAnswer(service, "ok", status, body, null);
    }

    static ServiceAnswer problem(String service, int status, String message) {
        return new ServiceAnswer(service, "problem", status, null, message);
    }

    static ServiceAnswer unreachable(String service, String message) {
        return new ServiceAnswer(service, "unreachable", null, null, message);
    }

    static ServiceAnswer notConfigured(String service, String message) {
        return new ServiceAnswer(service, "not-configured", null, null, message);
    }
}
