package io.slotbridge.sandbox.amocrm;

import static io.slotbridge.sandbox.amocrm.AmoRequests.hal;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.amocrm.AmoModel.Pipeline;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** amoCRM v4 account settings: account, pipelines and statuses, custom fields, users, loss reasons, webhooks. */
@RestController
@RequestMapping("/amocrm/{subdomain}/api/v4")
public class AmoSettingsController {

    private final AmoCrmStore store;
    private final String baseUrl;

    public AmoSettingsController(AmoCrmStore store, SandboxProperties properties) {
        this.store = store;
        this.baseUrl = properties.baseUrl();
    }

    @GetMapping("/account")
    public ResponseEntity<Object> account(@PathVariable String subdomain) {
        AmoAccount account = store.account(subdomain);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", account.accountId);
        json.put("name", "Sandbox " + subdomain);
        json.put("subdomain", subdomain);
        json.put("current_user_id", account.adminUserId());
        json.put("country", "RU");
        json.put("currency", "RUB");
        json.put("_links", AmoJson.links(new AmoJson(baseUrl, account).href("/account")));
        return hal(json);
    }

    @GetMapping("/leads/pipelines")
    public ResponseEntity<Object> pipelines(@PathVariable String subdomain) {
        AmoAccount account = store.account(subdomain);
        AmoJson json = new AmoJson(baseUrl, account);
        return hal(json.collection(
                "pipelines",
                "/leads/pipelines",
                account.pipelines().stream().map(json::pipeline).toList()));
    }

    @GetMapping("/leads/pipelines/{id:\\d+}")
    public ResponseEntity<Object> pipeline(@PathVariable String subdomain, @PathVariable long id) {
        AmoAccount account = store.account(subdomain);
        Pipeline pipeline = account.pipeline(id);
        if (pipeline == null) {
            throw AmoErrors.notFound("Pipeline " + id + " not found");
        }
        return hal(new AmoJson(baseUrl, account).pipeline(pipeline));
    }

    @GetMapping("/leads/pipelines/{id:\\d+}/statuses")
    public ResponseEntity<Object> statuses(@PathVariable String subdomain, @PathVariable long id) {
        AmoAccount account = store.account(subdomain);
        Pipeline pipeline = account.pipeline(id);
        if (pipeline == null) {
            throw AmoErrors.notFound("Pipeline " + id + " not found");
        }
        AmoJson json = new AmoJson(baseUrl, account);
        return hal(json.collection(
                "statuses",
                "/leads/pipelines/" + id + "/statuses",
                pipeline.statuses().stream().map(s -> json.status(pipeline, s)).toList()));
    }

    @GetMapping("/{entity:leads|contacts}/custom_fields")
    public ResponseEntity<Object> customFields(@PathVariable String subdomain, @PathVariable String entity) {
        AmoAccount account = store.account(subdomain);
        AmoJson json = new AmoJson(baseUrl, account);
        return hal(json.collection(
                "custom_fields",
                "/" + entity + "/custom_fields",
                account.fields(entity).stream().map(json::customField).toList()));
    }

    @GetMapping("/users")
    public ResponseEntity<Object> users(@PathVariable String subdomain) {
        AmoAccount account = store.account(subdomain);
        AmoJson json = new AmoJson(baseUrl, account);
        return hal(json.collection(
                "users", "/users", account.users().stream().map(json::user).toList()));
    }

    @GetMapping("/users/{id:\\d+}")
    public ResponseEntity<Object> user(@PathVariable String subdomain, @PathVariable long id) {
        AmoAccount account = store.account(subdomain);
        return account.user(id)
                .<ResponseEntity<Object>>map(u -> hal(new AmoJson(baseUrl, account).user(u)))
                .orElseGet(AmoRequests::noContent);
    }

    @GetMapping("/leads/loss_reasons")
    public ResponseEntity<Object> lossReasons(@PathVariable String subdomain) {
        AmoAccount account = store.account(subdomain);
        AmoJson json = new AmoJson(baseUrl, account);
        return hal(json.collection(
                "loss_reasons",
                "/leads/loss_reasons",
                account.lossReasons().stream().map(json::lossReason).toList()));
    }

    @PostMapping("/webhooks")
    public ResponseEntity<Object> subscribe(
            @PathVariable String subdomain, @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        String destination = destination(body);
        List<String> settings = new ArrayList<>();
        body.path("settings").forEach(setting -> settings.add(setting.asText()));
        if (settings.isEmpty()) {
            throw AmoErrors.invalid(0, "NotBlank", "settings", "This value should not be blank.");
        }
        AmoModel.Webhook webhook = account.subscribe(
                destination, settings, body.path("sort").asInt(10), AmoRequests.actor(account, request));
        return hal(new AmoJson(baseUrl, account).webhook(webhook));
    }

    @GetMapping("/webhooks")
    public ResponseEntity<Object> webhooks(@PathVariable String subdomain, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        Object destination =
                AmoRequests.map(AmoRequests.query(request).get("filter")).get("destination");
        List<AmoModel.Webhook> webhooks = account.webhooks().stream()
                .filter(w -> destination == null || w.destination().equals(destination))
                .toList();
        if (webhooks.isEmpty()) {
            return AmoRequests.noContent();
        }
        AmoJson json = new AmoJson(baseUrl, account);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("_total_items", webhooks.size());
        answer.put(
                "_embedded",
                Map.of("webhooks", webhooks.stream().map(json::webhook).toList()));
        return hal(answer);
    }

    @DeleteMapping("/webhooks")
    public ResponseEntity<Object> unsubscribe(
            @PathVariable String subdomain, @RequestBody(required = false) JsonNode body) {
        AmoAccount account = store.account(subdomain);
        if (!account.unsubscribe(destination(body))) {
            throw AmoErrors.notFound("Webhook not found");
        }
        return AmoRequests.noContent();
    }

    private static String destination(JsonNode body) {
        String destination = body == null ? "" : body.path("destination").asText("");
        if (!destination.startsWith("http://") && !destination.startsWith("https://")) {
            throw AmoErrors.invalid(0, "InvalidUrl", "destination", "This value is not a valid URL.");
        }
        return destination;
    }
}
