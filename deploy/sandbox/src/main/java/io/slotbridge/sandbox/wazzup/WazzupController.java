package io.slotbridge.sandbox.wazzup;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Wazzup v3: send a message (text or WABA template), channels, WhatsApp templates, webhook subscription. */
@RestController
@RequestMapping("/wazzup/v3")
public class WazzupController {

    private static final Set<String> CHAT_TYPES = Set.of(
            "whatsapp", "whatsgroup", "viber", "instagram", "telegram", "telegroup", "vk", "avito", "max", "maxgroup");
    private static final int MAX_WHATSAPP_TEXT = 10_000;

    private final WazzupAccounts accounts;
    private final WazzupWebhookSender webhooks;
    private final SandboxProperties.Wazzup settings;
    private final java.time.Clock clock;

    public WazzupController(
            WazzupAccounts accounts,
            WazzupWebhookSender webhooks,
            SandboxProperties properties,
            java.time.Clock clock) {
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.settings = properties.wazzup();
        this.clock = clock;
    }

    @PostMapping("/message")
    public ResponseEntity<Object> send(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        String key = key(request);
        if (body == null || !body.isObject()) {
            throw WazzupErrors.invalidFields("channelId", "chatType", "chatId");
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("channelId", "chatType", "chatId")) {
            if (body.path(field).asText("").isBlank()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw WazzupErrors.invalidFields(missing.toArray(String[]::new));
        }
        String channelId = body.get("channelId").asText();
        WazzupAccounts.Channel channel = accounts.channel(key, channelId)
                .orElseThrow(() -> WazzupErrors.error(
                        400, "CHANNEL_NOT_FOUND", "Channel not found", Map.of("channelId", channelId)));
        String chatType = body.get("chatType").asText();
        if (!CHAT_TYPES.contains(chatType)) {
            throw WazzupErrors.invalidFields("chatType");
        }
        if (!chatType.startsWith("whatsapp") && !chatType.startsWith("whatsgroup")) {
            throw WazzupErrors.error(
                    400,
                    "WRONG_TRANSPORT",
                    "You can't send message to " + chatType + " chat from " + channel.transport() + " transport",
                    Map.of("channelId", channelId, "transport", channel.transport(), "chatType", chatType));
        }
        String chatId = body.get("chatId").asText();
        if ("whatsapp".equals(chatType) && !chatId.matches("\\d{7,15}")) {
            throw WazzupErrors.invalidFields("chatId");
        }
        String text = body.hasNonNull("text") ? body.get("text").asText() : null;
        String contentUri =
                body.hasNonNull("contentUri") ? body.get("contentUri").asText() : null;
        String templateId =
                body.hasNonNull("templateId") ? body.get("templateId").asText() : null;
        List<String> templateValues = new ArrayList<>();
        body.path("templateValues").forEach(v -> templateValues.add(v.asText()));
        validateContent(text, contentUri, templateId, templateValues);
        String crmMessageId =
                body.hasNonNull("crmMessageId") ? body.get("crmMessageId").asText() : null;
        String messageId = UUID.randomUUID().toString();
        WazzupAccounts.Message message = new WazzupAccounts.Message(
                messageId,
                channelId,
                chatType,
                chatId,
                text,
                templateId,
                List.copyOf(templateValues),
                crmMessageId,
                clock.instant(),
                "accepted");
        if (!accounts.accept(key, message, settings.crmMessageIdWindow())) {
            throw WazzupErrors.error(
                    400,
                    "REPEATED_CRM_MESSAGE_ID",
                    "You have already sent message with same crmMessageId",
                    Map.of("crmMessageId", crmMessageId));
        }
        webhooks.statuses(channelId, messageId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messageId", messageId);
        answer.put("chatId", chatId);
        return ResponseEntity.status(201)
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer);
    }

    private void validateContent(String text, String contentUri, String templateId, List<String> values) {
        if (text != null && contentUri != null) {
            throw WazzupErrors.error(
                    400, "MESSAGE_ONLY_TEXT_OR_CONTENT", "Message can contain only text or content", null);
        }
        if (templateId != null) {
            WazzupAccounts.Template template =
                    accounts.template(templateId).orElseThrow(() -> WazzupErrors.invalidFields("templateId"));
            if (!"approved".equals(template.status())) {
                throw WazzupErrors.error(
                        400,
                        "TEMPLATE_REJECTED",
                        "Meta has restricted the template. Try another one or wait for an incoming message",
                        null);
            }
            if (values.size() != template.placeholders()) {
                throw WazzupErrors.invalidFields("templateValues");
            }
            return;
        }
        if (text == null && contentUri == null) {
            throw WazzupErrors.invalidFields("text");
        }
        if (text != null && text.length() > MAX_WHATSAPP_TEXT) {
            throw WazzupErrors.error(
                    400, "MESSAGE_TEXT_TOO_LONG", "Text is too long", Map.of("maxLength", MAX_WHATSAPP_TEXT));
        }
    }

    @GetMapping("/channels")
    public ResponseEntity<Object> channels(HttpServletRequest request) {
        List<Map<String, Object>> channels = accounts.channels(key(request)).stream()
                .map(c -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("channelId", c.channelId());
                    json.put("transport", c.transport());
                    json.put("plainId", c.plainId());
                    json.put("state", c.state());
                    return json;
                })
                .toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(channels);
    }

    /** Pages with {@code limit} (default 100) and {@code offset}, as the documented endpoint does. */
    @GetMapping("/templates/whatsapp")
    public ResponseEntity<Object> templates(
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "100") int limit,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int offset,
            HttpServletRequest request) {
        if (limit < 1 || offset < 0) {
            throw WazzupErrors.error(400, "VALIDATION_ERROR", "limit must be positive and offset not negative", null);
        }
        List<String> channelIds = accounts.channels(key(request)).stream()
                .filter(c -> "wapi".equals(c.transport()))
                .map(WazzupAccounts.Channel::channelId)
                .toList();
        List<Map<String, Object>> templates = accounts.templates().stream()
                .skip(offset)
                .limit(limit)
                .map(t -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("templateGuid", t.templateGuid());
                    json.put("accountId", 10_000_001);
                    json.put("title", t.title());
                    json.put("name", t.title());
                    json.put("waba", Map.of("wabaId", "sandbox-waba", "wabaName", "Sandbox WABA"));
                    json.put("channels", channelIds);
                    json.put("category", "MARKETING");
                    json.put("language", "ru");
                    json.put("status", t.status());
                    json.put("rejected_reason", null);
                    json.put("namespace", "sandbox");
                    json.put("components", List.of(Map.of("type", "BODY", "text", t.text())));
                    return json;
                })
                .toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(templates);
    }

    @PatchMapping("/webhooks")
    public ResponseEntity<Object> subscribe(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        String uri = body == null ? "" : body.path("webhooksUri").asText("");
        URI target;
        try {
            target = URI.create(uri);
            if (uri.length() > 200
                    || target.getHost() == null
                    || !target.getScheme().startsWith("http")) {
                throw new IllegalArgumentException(uri);
            }
        } catch (IllegalArgumentException e) {
            throw WazzupErrors.webhook("uriNotValid", "Provided URI is not valid URI", null);
        }
        int status = webhooks.probe(target);
        if (status != 200) {
            throw WazzupErrors.webhook(
                    "testPostNotPassed", "URI does not return 200 OK on test request", Map.of("code", status));
        }
        Map<String, Boolean> subscriptions = new LinkedHashMap<>();
        for (String name :
                List.of("messagesAndStatuses", "contactsAndDealsCreation", "channelsUpdates", "templateStatus")) {
            subscriptions.put(name, body.path("subscriptions").path(name).asBoolean(false));
        }
        accounts.subscribe(key(request), new WazzupAccounts.Subscription(uri, subscriptions));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("ok", true));
    }

    @GetMapping("/webhooks")
    public ResponseEntity<Object> webhooks(HttpServletRequest request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        accounts.subscription(key(request))
                .ifPresentOrElse(
                        s -> {
                            answer.put("webhooksUri", s.webhooksUri());
                            answer.put("subscriptions", s.subscriptions());
                        },
                        () -> {
                            answer.put("webhooksUri", null);
                            answer.put("subscriptions", Map.of());
                        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private static String key(HttpServletRequest request) {
        return ((Caller) request.getAttribute(Caller.ATTRIBUTE)).account();
    }
}
