package io.slotbridge.sandbox.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.sandbox.core.Caller;
import io.slotbridge.sandbox.core.PhpForm;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What every amoCRM endpoint needs: the caller, query filters in PHP bracket form, HAL answers, paging. */
final class AmoRequests {

    static final MediaType HAL_JSON = MediaType.parseMediaType("application/hal+json;charset=UTF-8");
    static final int MAX_LIMIT = 250;

    private AmoRequests() {}

    static Caller caller(HttpServletRequest request) {
        Object caller = request.getAttribute(Caller.ATTRIBUTE);
        return caller instanceof Caller c ? c : Caller.adminToken();
    }

    /** Who the change is attributed to: a person using the admin token acts as the account admin, an app as 0. */
    static long actor(AmoAccount account, HttpServletRequest request) {
        return caller(request).admin() ? account.adminUserId() : 0;
    }

    static Map<String, Object> query(HttpServletRequest request) {
        return PhpForm.parse(request.getQueryString());
    }

    static ResponseEntity<Object> hal(Object body) {
        return ResponseEntity.ok().contentType(HAL_JSON).body(body);
    }

    static ResponseEntity<Object> noContent() {
        return ResponseEntity.noContent().build();
    }

    /** {@code with=contacts,loss_reason} */
    static Set<String> with(Map<String, Object> query) {
        Object with = query.get("with");
        return with instanceof String text
                ? Arrays.stream(text.split(",")).map(String::strip).collect(Collectors.toSet())
                : Set.of();
    }

    /** A filter value given as {@code filter[x]=1}, {@code filter[x][]=1&filter[x][]=2} or {@code filter[x][0]=1}. */
    static Set<Long> ids(Object value) {
        Set<Long> ids = new LinkedHashSet<>();
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> ids.addAll(ids(v)));
        } else if (value instanceof String text && !text.isBlank()) {
            for (String part : text.split(",")) {
                try {
                    ids.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    throw AmoErrors.invalid(0, "InvalidType", "filter", "Not a number: " + part);
                }
            }
        }
        return ids;
    }

    static Long number(Object value) {
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw AmoErrors.invalid(0, "InvalidType", "filter", "Not a number: " + text);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static int page(Map<String, Object> query) {
        Long page = number(query.get("page"));
        return page == null || page < 1 ? 1 : page.intValue();
    }

    static int limit(Map<String, Object> query) {
        Long limit = number(query.get("limit"));
        if (limit == null || limit < 1) {
            return 50;
        }
        return (int) Math.min(limit, MAX_LIMIT);
    }

    /** The items of one page. */
    static <T> List<T> slice(List<T> all, int page, int limit) {
        int from = Math.min((page - 1) * limit, all.size());
        return new ArrayList<>(all.subList(from, Math.min(from + limit, all.size())));
    }

    /** A JSON array body as a list of items; a single object counts as a batch of one. */
    static List<JsonNode> items(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw AmoErrors.problem(400, "Bad Request", "Request body is empty");
        }
        if (body.isArray()) {
            if (body.size() > MAX_LIMIT) {
                throw AmoErrors.problem(400, "Bad Request", "Too many entities, at most 250 per request");
            }
            List<JsonNode> items = new ArrayList<>();
            body.forEach(items::add);
            return items;
        }
        if (body.isObject()) {
            return List.of(body);
        }
        throw AmoErrors.problem(400, "Bad Request", "Request body must be a JSON array of entities");
    }

    /** One page of a list, or 204 when the page is empty (as amoCRM answers). */
    static <T> ResponseEntity<Object> listPage(
            Map<String, Object> query,
            HttpServletRequest request,
            String name,
            String path,
            List<T> all,
            Function<T, Object> render,
            AmoJson json) {
        int page = page(query);
        int limit = limit(query);
        List<T> slice = slice(all, page, limit);
        if (slice.isEmpty()) {
            return noContent();
        }
        return hal(json.page(
                name,
                path,
                slice.stream().map(render).toList(),
                page,
                page * limit < all.size(),
                request.getQueryString()));
    }
}
