package io.slotbridge.sandbox.amocrm;

import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.PhpForm;
import io.slotbridge.sandbox.core.WebhookDispatcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Posts amoCRM webhooks to every destination subscribed to the event's setting code ({@code status_lead},
 * {@code update_lead}, …), form-urlencoded with PHP bracket keys and amoCRM's own headers.
 */
@Component
public class AmoWebhookSender {

    private final WebhookDispatcher dispatcher;
    private final String baseUrl;

    public AmoWebhookSender(WebhookDispatcher dispatcher, SandboxProperties properties) {
        this.dispatcher = dispatcher;
        this.baseUrl = properties.baseUrl();
    }

    void publish(AmoAccount account, List<AmoAccount.Hook> hooks) {
        if (hooks.isEmpty()) {
            return;
        }
        List<AmoModel.Webhook> subscriptions = account.webhooks();
        for (AmoAccount.Hook hook : hooks) {
            for (AmoModel.Webhook webhook : subscriptions) {
                if (webhook.settings().contains(hook.setting())) {
                    dispatcher.send(delivery(account, webhook.destination(), hook));
                }
            }
        }
    }

    private WebhookDispatcher.Delivery delivery(AmoAccount account, String destination, AmoAccount.Hook hook) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", AmoHooks.account(account, baseUrl));
        body.putAll(hook.entity());
        return new WebhookDispatcher.Delivery(
                Api.AMOCRM,
                URI.create(destination),
                "application/x-www-form-urlencoded",
                PhpForm.encode(body).getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "User-Agent",
                        "amoCRM-Webhooks/3.0",
                        "X-Amocrm-Requestid",
                        UUID.randomUUID().toString()));
    }
}
