package io.slotbridge.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real provider payloads captured in the wild (copied from the team's shared fixture set with their source lines,
 * under {@code src/test/resources/providers/}). Each file starts with {@code #} lines naming its source; the rest is
 * the body exactly as the provider sent it.
 */
public final class ProviderFixtures {

    private ProviderFixtures() {}

    /** The raw file, source lines included. */
    public static String raw(String path) {
        try (InputStream in = ProviderFixtures.class.getResourceAsStream("/providers/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no provider fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body: every line that is not a {@code #} source line, blank lines around it trimmed. */
    public static String body(String path) {
        return raw(path)
                .lines()
                .filter(line -> !line.startsWith("#"))
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .strip();
    }

    /** For header-only captures (Google push): {@code Name: value} lines as an ordered map. */
    public static Map<String, String> headers(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : body(path).lines().toList()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    /** Every fixture file of a provider folder, e.g. {@code amocrm}. */
    public static List<String> list(String provider) {
        return switch (provider) {
            case "amocrm" ->
                List.of(
                        "amocrm/contact-update-1.txt",
                        "amocrm/lead-delete-1.txt",
                        "amocrm/lead-update-1.txt",
                        "amocrm/status-change-2.txt");
            case "bitrix24" ->
                List.of("bitrix24/crm-contact-add-app-event-formurlencoded.txt", "bitrix24/lead-add-1.txt");
            default -> throw new IllegalArgumentException("no list for " + provider);
        };
    }
}
