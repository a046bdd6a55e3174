package io.slotbridge.sandbox.bitrix24;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.ApiException;
import io.slotbridge.sandbox.core.Bearer;
import io.slotbridge.sandbox.core.PhpForm;
import io.slotbridge.sandbox.core.TokenRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bitrix24 REST: {@code /bitrix24/{portal}/rest/{method}[.json]} with an OAuth {@code auth} parameter (or bearer
 * header), and the inbound-webhook form {@code /rest/{user}/{secret}/{method}}. Parameters come as JSON, form or
 * query string. Answers are {@code {result, total?, next?, time}}; {@code batch} runs up to 50 commands.
 */
@RestController
public class BitrixRestController {

    private static final int MAX_BATCH = 50;
    private static final long ADMIN_USER = 1;
    private static final Pattern RESULT_REFERENCE = Pattern.compile("\\$result\\[([^\\]]+)\\]((?:\\[[^\\]]*\\])*)");

    private final BitrixStore store;
    private final BitrixMethods methods;
    private final BitrixEventSender events;
    private final BitrixOperatingTime operating;
    private final BitrixOfflineQueue offline;
    private final TokenRegistry tokens;
    private final ObjectMapper json;
    private final Clock clock;

    public BitrixRestController(
            BitrixStore store,
            BitrixMethods methods,
            BitrixEventSender events,
            BitrixOperatingTime operating,
            BitrixOfflineQueue offline,
            TokenRegistry tokens,
            ObjectMapper json,
            Clock clock) {
        this.store = store;
        this.methods = methods;
        this.events = events;
        this.operating = operating;
        this.offline = offline;
        this.tokens = tokens;
        this.json = json;
        this.clock = clock;
    }

    @RequestMapping(
            value = "/bitrix24/{portal}/rest/{method:.+}",
            method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<Object> oauthCall(
            @PathVariable String portal,
            @PathVariable String method,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        Map<String, Object> params = params(request, body);
        authenticate(portal, params, request);
        return answer(portal, method, params, ADMIN_USER);
    }

    @RequestMapping(
            value = "/bitrix24/{portal}/rest/{user:\\d+}/{secret}/{method:.+}",
            method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<Object> webhookCall(
            @PathVariable String portal,
            @PathVariable String user,
            @PathVariable String secret,
            @PathVariable String method,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        if (tokens.check(Api.BITRIX24, secret) != TokenRegistry.Check.ADMIN) {
            throw BitrixErrors.noAuth();
        }
        // an inbound webhook belongs to a user: what it changes is changed by that user, as in Bitrix24
        return answer(portal, method, params(request, body), webhookUser(portal, user));
    }

    private long webhookUser(String portalName, String user) {
        long userId = Long.parseLong(user);
        BitrixPortal portal = store.portal(portalName);
        synchronized (portal) {
            if (!portal.users.containsKey(userId)) {
                throw BitrixErrors.noAuth();
            }
        }
        return userId;
    }

    private ResponseEntity<Object> answer(String portalName, String method, Map<String, Object> params, long userId) {
        BitrixPortal portal = store.portal(portalName);
        Instant started = clock.instant();
        String name = method.endsWith(".json") ? method.substring(0, method.length() - 5) : method;
        List<BitrixPortal.Fired> fired = new ArrayList<>();
        Map<String, Object> answer = new LinkedHashMap<>();
        if ("batch".equalsIgnoreCase(name)) {
            answer.put("result", batch(portal, new BitrixParams(params), userId, fired));
            answer.put("time", BitrixTime.of(started, clock.instant()));
        } else {
            BitrixMethods.Result result =
                    metered(portal, name, () -> methods.call(portal, name, new BitrixParams(params), userId, fired));
            answer.put("result", emptyAsList(result.result()));
            if (result.next() != null) {
                answer.put("next", result.next());
            }
            if (result.total() != null) {
                answer.put("total", result.total());
            }
            answer.put(
                    "time",
                    BitrixTime.of(started, clock.instant(), operating.account(portal, name, started, clock.instant())));
        }
        events.publish(portal, fired);
        offline.record(portal, fired, userId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /** Up to 50 commands; {@code halt=1} stops at the first error; {@code $result[key][field]} refers back. */
    private Map<String, Object> batch(
            BitrixPortal portal, BitrixParams params, long userId, List<BitrixPortal.Fired> fired) {
        Map<String, Object> commands = params.map("cmd");
        if (commands.size() > MAX_BATCH) {
            throw BitrixErrors.error(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
        }
        boolean halt = "1".equals(params.string("halt")) || "true".equalsIgnoreCase(params.string("halt"));
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Object> errors = new LinkedHashMap<>();
        Map<String, Object> totals = new LinkedHashMap<>();
        Map<String, Object> nexts = new LinkedHashMap<>();
        Map<String, Object> times = new LinkedHashMap<>();
        for (Map.Entry<String, Object> command : commands.entrySet()) {
            String text = resolveReferences(String.valueOf(command.getValue()), results);
            int question = text.indexOf('?');
            String method = question < 0 ? text : text.substring(0, question);
            Map<String, Object> commandParams = PhpForm.parse(question < 0 ? "" : text.substring(question + 1));
            Instant started = clock.instant();
            try {
                if ("batch".equalsIgnoreCase(method)) {
                    throw BitrixErrors.error(
                            405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage");
                }
                BitrixMethods.Result result = metered(
                        portal,
                        method,
                        () -> methods.call(portal, method, new BitrixParams(commandParams), userId, fired));
                results.put(command.getKey(), result.result());
                if (result.total() != null) {
                    totals.put(command.getKey(), result.total());
                }
                if (result.next() != null) {
                    nexts.put(command.getKey(), result.next());
                }
                times.put(
                        command.getKey(),
                        BitrixTime.of(
                                started, clock.instant(), operating.account(portal, method, started, clock.instant())));
            } catch (ApiException e) {
                errors.put(command.getKey(), e.body());
                if (halt) {
                    break;
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("result", emptyAsList(results));
        result.put("result_error", emptyAsList(errors));
        result.put("result_total", emptyAsList(totals));
        result.put("result_next", emptyAsList(nexts));
        result.put("result_time", emptyAsList(times));
        return result;
    }

    /**
     * One method call under its operating-time limit: refused before it runs when the method is over its limit; a
     * refused (error) call still costs the time it took.
     */
    private BitrixMethods.Result metered(BitrixPortal portal, String method, Supplier<BitrixMethods.Result> call) {
        operating.checkBefore(portal, method);
        Instant started = clock.instant();
        try {
            return call.get();
        } catch (ApiException e) {
            operating.account(portal, method, started, clock.instant());
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static String resolveReferences(String command, Map<String, Object> results) {
        Matcher matcher = RESULT_REFERENCE.matcher(command);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            Object value = results.get(matcher.group(1));
            Matcher path = Pattern.compile("\\[([^\\]]*)\\]").matcher(matcher.group(2));
            while (path.find() && value != null) {
                String key = path.group(1);
                if (value instanceof Map<?, ?> map) {
                    value = ((Map<String, Object>) map).get(key);
                } else if (value instanceof List<?> list
                        && key.matches("\\d+")
                        && Integer.parseInt(key) < list.size()) {
                    value = list.get(Integer.parseInt(key));
                } else {
                    value = null;
                }
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /** PHP serialises an empty array as {@code []}, never {@code {}}. */
    private static Object emptyAsList(Object value) {
        return value instanceof Map<?, ?> map && map.isEmpty() ? List.of() : value;
    }

    private void authenticate(String portal, Map<String, Object> params, HttpServletRequest request) {
        Object auth = new BitrixParams(params).get("auth");
        String token = auth instanceof String text ? text : Bearer.token(request);
        if (token == null || token.isBlank()) {
            throw BitrixErrors.noAuth();
        }
        switch (tokens.check(Api.BITRIX24, token)) {
            case ADMIN -> {}
            case VALID -> {
                if (!tokens.caller(token).mayAccess(portal)) {
                    throw BitrixErrors.invalidToken();
                }
            }
            case EXPIRED -> throw BitrixErrors.expiredToken();
            default -> throw BitrixErrors.invalidToken();
        }
    }

    /** JSON body, or form body, plus the query string (body wins). */
    private Map<String, Object> params(HttpServletRequest request, byte[] body) {
        Map<String, Object> params = new LinkedHashMap<>(PhpForm.parse(request.getQueryString()));
        if (body == null || body.length == 0) {
            return params;
        }
        String contentType = request.getContentType() == null ? "" : request.getContentType();
        if (contentType.contains("json") || (body[0] == '{')) {
            try {
                params.putAll(json.readValue(body, new TypeReference<Map<String, Object>>() {}));
            } catch (IOException e) {
                throw BitrixErrors.error(400, "INVALID_REQUEST", "Request body is not valid JSON: " + e.getMessage());
            }
        } else {
            params.putAll(PhpForm.parse(new String(body, StandardCharsets.UTF_8)));
        }
        return params;
    }
}
