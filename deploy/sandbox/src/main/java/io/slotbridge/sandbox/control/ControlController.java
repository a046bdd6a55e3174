package io.slotbridge.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.sandbox.amocrm.AmoLeadDeletion;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.ApiStats;
import io.slotbridge.sandbox.core.FaultRegistry;
import io.slotbridge.sandbox.core.Faults;
import io.slotbridge.sandbox.core.RequestLog;
import io.slotbridge.sandbox.core.TokenRegistry;
import io.slotbridge.sandbox.google.GoogleCalendarStore;
import io.slotbridge.sandbox.google.GooglePush;
import io.slotbridge.sandbox.wazzup.WazzupAccounts;
import io.slotbridge.sandbox.wazzup.WazzupReplies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's own control API: reset and seed, fault injection per API, counters, the request log, and the few
 * actions the emulated public APIs cannot express (a WhatsApp client replying, a lead deleted in the UI, an extra
 * account or calendar).
 */
@RestController
@RequestMapping("/sandbox")
public class ControlController {

    private final SandboxReset reset;
    private final DemoSeed seed;
    private final FaultRegistry faults;
    private final TokenRegistry tokens;
    private final ApiStats stats;
    private final RequestLog requestLog;
    private final GoogleCalendarStore calendars;
    private final GooglePush push;
    private final WazzupAccounts wazzup;
    private final WazzupReplies replies;
    private final AmoLeadDeletion amoDeletion;

    public ControlController(
            SandboxReset reset,
            DemoSeed seed,
            FaultRegistry faults,
            TokenRegistry tokens,
            ApiStats stats,
            RequestLog requestLog,
            GoogleCalendarStore calendars,
            GooglePush push,
            WazzupAccounts wazzup,
            WazzupReplies replies,
            AmoLeadDeletion amoDeletion) {
        this.reset = reset;
        this.seed = seed;
        this.faults = faults;
        this.tokens = tokens;
        this.stats = stats;
        this.requestLog = requestLog;
        this.calendars = calendars;
        this.push = push;
        this.wazzup = wazzup;
        this.replies = replies;
        this.amoDeletion = amoDeletion;
    }

    @PostMapping("/reset")
    public Map<String, Object> reset(@RequestParam(defaultValue = "true") boolean seed) {
        reset.reset(seed);
        return Map.of("reset", true, "seeded", seed);
    }

    @GetMapping("/faults")
    public Map<String, Faults> faults() {
        Map<String, Faults> all = new LinkedHashMap<>();
        faults.all().forEach((api, value) -> all.put(api.id(), value));
        return all;
    }

    /** Sets the given fields of an API's faults; fields left out keep their value, {@code null} clears an override. */
    @PutMapping("/faults/{api}")
    public Faults setFaults(@PathVariable String api, @RequestBody JsonNode body) {
        Api target = Api.ofId(api);
        Faults current = faults.of(target);
        Faults next = new Faults(
                body.has("rateLimitPerSecond")
                        ? (body.get("rateLimitPerSecond").isNull()
                                ? null
                                : body.get("rateLimitPerSecond").asDouble())
                        : current.rateLimitPerSecond(),
                body.has("burst")
                        ? (body.get("burst").isNull() ? null : body.get("burst").asInt())
                        : current.burst(),
                body.path("errorRatio").asDouble(current.errorRatio()),
                body.path("errorStatus").asInt(current.errorStatus()),
                body.path("latencyMillis").asLong(current.latencyMillis()),
                body.path("droppedWebhookRatio").asDouble(current.droppedWebhookRatio()));
        faults.set(target, next);
        return next;
    }

    @DeleteMapping("/faults/{api}")
    public Faults clearFaults(@PathVariable String api) {
        faults.set(Api.ofId(api), Faults.NONE);
        return Faults.NONE;
    }

    /** Every access token the API issued so far is expired from now on (the admin token keeps working). */
    @PostMapping("/faults/{api}/expire-tokens")
    public Map<String, Object> expireTokens(@PathVariable String api) {
        tokens.expireAccessTokens(Api.ofId(api));
        return Map.of("expired", true);
    }

    @GetMapping("/stats")
    public Map<String, Map<String, Long>> stats() {
        return stats.snapshot();
    }

    @GetMapping("/requests")
    public List<RequestLog.Entry> requests(@RequestParam(defaultValue = "100") int limit) {
        return requestLog.latest(Math.max(0, limit));
    }

    @PostMapping("/seed")
    public Map<String, Object> seed() {
        seed.seed();
        return Map.of("seeded", true);
    }

    /** Another amoCRM account with the demo's pipeline, fields, users and loss reasons. */
    @PostMapping("/amocrm/{subdomain}")
    public Map<String, Object> amocrmAccount(@PathVariable String subdomain) {
        seed.amocrmAccount(subdomain);
        return Map.of("subdomain", subdomain);
    }

    /** What deleting a lead in amoCRM's UI does (API v4 cannot delete leads): gone from lists, webhook sent. */
    @DeleteMapping("/amocrm/{subdomain}/leads/{leadId}")
    public ResponseEntity<Void> deleteLead(@PathVariable String subdomain, @PathVariable long leadId) {
        return amoDeletion.delete(subdomain, leadId)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    /** Another Bitrix24 portal shaped like the demo one. */
    @PostMapping("/bitrix24/{portal}")
    public Map<String, Object> bitrixPortal(
            @PathVariable String portal, @RequestParam(defaultValue = "") String applicationToken) {
        String token = applicationToken.isBlank() ? portal + "-token" : applicationToken;
        seed.bitrixPortal(portal, token);
        return Map.of("portal", portal, "applicationToken", token);
    }

    @PostMapping("/google/calendars")
    public Map<String, Object> calendar(@RequestBody JsonNode body) {
        String id = body.path("id").asText("");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        calendars.create(
                id, body.path("summary").asText(id), body.path("timeZone").asText("Europe/Moscow"));
        return Map.of("id", id);
    }

    /** Sync tokens issued so far answer 410 Gone from now on. */
    @PostMapping("/google/calendars/{calendarId}/invalidate-sync-tokens")
    public Map<String, Object> invalidateSyncTokens(@PathVariable String calendarId) {
        calendars
                .find(calendarId)
                .orElseThrow(() -> new IllegalArgumentException("no calendar " + calendarId))
                .invalidateSyncTokens();
        return Map.of("invalidated", true);
    }

    @GetMapping("/google/channels")
    public List<Map<String, Object>> channels() {
        return push.channels().stream()
                .map(c -> Map.<String, Object>of(
                        "id", c.id(),
                        "calendarId", c.calendarId(),
                        "address", c.address().toString(),
                        "expiration", c.expiration().toString(),
                        "messages", c.messageNumber().get()))
                .toList();
    }

    /** A WhatsApp client writes (or, with {@code echo: true}, an operator writes from the phone). */
    @PostMapping("/wazzup/replies")
    public Map<String, Object> reply(@RequestBody JsonNode body) {
        String messageId = replies.reply(
                body.path("channelId").asText(""),
                body.path("chatId").asText(""),
                body.path("text").asText(""),
                body.hasNonNull("name") ? body.get("name").asText() : null,
                body.path("echo").asBoolean(false));
        return Map.of("messageId", messageId);
    }

    /** Every message Wazzup accepted, with its latest status. */
    @GetMapping("/wazzup/messages")
    public List<WazzupAccounts.Message> messages() {
        return wazzup.messages();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
