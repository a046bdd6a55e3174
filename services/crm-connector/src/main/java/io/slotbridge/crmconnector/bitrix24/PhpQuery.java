package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders method parameters as the PHP-style query string Bitrix24's {@code batch} expects in each {@code cmd}
 * ({@code fields[STAGE_ID]=WON&select[0]=*}): objects and arrays become bracketed keys, every key and value
 * URL-encoded, nulls become empty values (which Bitrix24 reads as "clear").
 */
final class PhpQuery {

    private PhpQuery() {}

    static String encode(JsonNode params) {
        StringBuilder query = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            append(query, field.getKey(), field.getValue());
        }
        return query.toString();
    }

    private static void append(StringBuilder query, String key, JsonNode value) {
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                append(query, key + "[" + field.getKey() + "]", field.getValue());
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                append(query, key + "[" + i + "]", value.get(i));
            }
        } else {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(encode(key)).append('=').append(value.isNull() ? "" : encode(value.asText()));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
