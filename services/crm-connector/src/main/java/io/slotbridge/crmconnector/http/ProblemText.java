package io.slotbridge.crmconnector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an error body into one readable sentence: problem+json ({@code title}, {@code detail}, amoCRM's
 * {@code validation-errors}, OAuth's {@code hint}), Bitrix24's {@code error}/{@code error_description}, or an HTML page
 * (nginx block pages) by its title.
 */
public final class ProblemText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HTML_TITLE =
            Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_BODY_ECHO = 200;

    private ProblemText() {}

    public static String describe(int status, String body) {
        String prefix = "HTTP " + status;
        if (body == null || body.isBlank()) {
            return prefix + " with an empty body";
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            try {
                return prefix + ": " + describeJson(JSON.readTree(trimmed));
            } catch (java.io.IOException notJson) {
                // fall through to the raw excerpt
            }
        }
        if (trimmed.startsWith("<")) {
            Matcher title = HTML_TITLE.matcher(trimmed);
            return prefix + " (HTML page"
                    + (title.find() ? ": " + title.group(1).strip() : "") + ")";
        }
        return prefix + ": " + excerpt(trimmed);
    }

    /** Per-item validation errors of a batch request: request index → readable reason. */
    public static List<ItemError> validationErrors(String body) {
        List<ItemError> errors = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(body);
            for (JsonNode item : root.path("validation-errors")) {
                List<String> parts = new ArrayList<>();
                for (JsonNode e : item.path("errors")) {
                    parts.add(e.path("path").asText("?") + ": " + e.path("code").asText("")
                            + (e.hasNonNull("detail") ? " (" + e.path("detail").asText() + ")" : ""));
                }
                errors.add(new ItemError(item.path("request_id").asText(), String.join("; ", parts)));
            }
        } catch (java.io.IOException | RuntimeException notProblemJson) {
            return List.of();
        }
        return errors;
    }

    public record ItemError(String requestId, String reason) {}

    private static String describeJson(JsonNode node) {
        List<String> parts = new ArrayList<>();
        if (node.hasNonNull("title")) {
            parts.add(node.get("title").asText());
        }
        if (node.hasNonNull("detail")) {
            parts.add(node.get("detail").asText());
        }
        if (node.hasNonNull("hint")) {
            parts.add(node.get("hint").asText());
        }
        if (node.hasNonNull("error")) {
            parts.add(node.get("error").asText());
        }
        if (node.hasNonNull("error_description")) {
            parts.add(node.get("error_description").asText());
        }
        for (ItemError e : validationErrors(node.toString())) {
            parts.add("item " + e.requestId() + ": " + e.reason());
        }
        return parts.isEmpty() ? excerpt(node.toString()) : String.join(" — ", parts);
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_BODY_ECHO ? oneLine : oneLine.substring(0, MAX_BODY_ECHO) + "…";
    }
}
