package io.slotbridge.sandbox.bitrix24;

import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.PhpForm;
import io.slotbridge.sandbox.core.WebhookDispatcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Posts Bitrix24 events to the handlers bound with {@code event.bind}: form-urlencoded
 * {@code event=ONCRMDEALUPDATE&event_handler_id=…&data[FIELDS][ID]=…&ts=…&auth[…]}, with the outgoing-webhook style
 * {@code auth} block (domain, endpoints, member_id, application_token; no user tokens), ids only.
 */
@Component
public class BitrixEventSender {

    private final WebhookDispatcher dispatcher;
    private final Clock clock;
    private final String baseUrl;

    public BitrixEventSender(WebhookDispatcher dispatcher, Clock clock, SandboxProperties properties) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.baseUrl = properties.baseUrl();
    }

    void publish(BitrixPortal portal, List<BitrixPortal.Fired> fired) {
        if (fired.isEmpty()) {
            return;
        }
        List<BitrixPortal.Handler> handlers = portal.handlers();
        for (BitrixPortal.Fired event : fired) {
            for (BitrixPortal.Handler handler : handlers) {
                if (!handler.offline() && handler.event().equals(event.event())) {
                    dispatcher.send(new WebhookDispatcher.Delivery(
                            Api.BITRIX24,
                            URI.create(handler.handler()),
                            "application/x-www-form-urlencoded",
                            PhpForm.encode(body(portal, handler, event)).getBytes(StandardCharsets.UTF_8),
                            Map.of("User-Agent", "Bitrix24 Webhook Engine")));
                }
            }
        }
    }

    private Map<String, Object> body(BitrixPortal portal, BitrixPortal.Handler handler, BitrixPortal.Fired event) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("domain", URI.create(baseUrl).getAuthority());
        auth.put("client_endpoint", baseUrl + "/bitrix24/" + portal.name + "/rest/");
        auth.put("server_endpoint", baseUrl + "/bitrix24/oauth/rest/");
        auth.put("member_id", portal.memberId);
        auth.put("application_token", portal.applicationToken);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.event());
        body.put("event_handler_id", portal.handlerId(handler));
        body.put("data", Map.of("FIELDS", Map.of("ID", event.id())));
        body.put("ts", clock.instant().getEpochSecond());
        body.put("auth", auth);
        return body;
    }
}
