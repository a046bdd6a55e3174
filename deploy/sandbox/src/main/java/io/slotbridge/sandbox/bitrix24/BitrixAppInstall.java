package io.slotbridge.sandbox.bitrix24;

import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.Bearer;
import io.slotbridge.sandbox.core.PhpForm;
import io.slotbridge.sandbox.core.TokenRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Installing a local application on an emulated portal, as Bitrix24 does it: tokens are minted by this sandbox's
 * OAuth emulation (so REST calls and refreshes accept them) and {@code ONAPPINSTALL} is posted, form-urlencoded with
 * the field set of b24-rest-docs events/index.md and mesilov/bitrix24-php-sdk#296, to the application's install
 * handler; the portal's application token is the one its later events carry. {@code app.info} answers the application
 * a token belongs to (b24-rest-docs api-reference/common/system/app-info.md). Uninstalling takes the tokens and handlers
 * away and posts {@code ONAPPUNINSTALL} (onappuninstall.php) to the handlers bound for it.
 */
@RestController
public class BitrixAppInstall {

    static final String UNINSTALL = "ONAPPUNINSTALL";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BitrixStore store;
    private final TokenRegistry tokens;
    private final SandboxProperties.Bitrix24 settings;
    private final String baseUrl;
    private final Clock clock;

    public BitrixAppInstall(BitrixStore store, TokenRegistry tokens, SandboxProperties properties, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.settings = properties.bitrix24();
        this.baseUrl = properties.baseUrl();
        this.clock = clock;
    }

    /** Control API: installs application {@code client_id} and posts its install event to {@code handler}. */
    @PostMapping("/sandbox/bitrix24/{portal}/install")
    public ResponseEntity<Map<String, Object>> install(
            @PathVariable String portal,
            @RequestParam String handler,
            @RequestParam(value = "client_id", defaultValue = "local.sandbox") String clientId) {
        BitrixPortal found = store.portal(portal);
        TokenRegistry.Issued issued = tokens.issue(
                new TokenRegistry.Grant(Api.BITRIX24, portal, clientId, null, null),
                settings.accessTokenTtl(),
                settings.refreshTokenTtl());
        Map<String, Object> posted = post(handler, PhpForm.encode(installEvent(found, issued)));
        return ResponseEntity.status(posted.containsKey("error") ? 502 : 200).body(posted);
    }

    /**
     * Control API: removes the application from the portal as Bitrix24 does. Its API access goes (every token of the
     * portal is revoked: calls answer {@code invalid_token}), its event handlers are deleted, and
     * {@code ONAPPUNINSTALL} is posted to the handlers that were bound for it, with {@code data[CLEAN]} as the user's
     * "clear the application's data" choice and no OAuth tokens.
     */
    @PostMapping("/sandbox/bitrix24/{portal}/uninstall")
    public ResponseEntity<Map<String, Object>> uninstall(
            @PathVariable String portal, @RequestParam(defaultValue = "false") boolean clean) {
        BitrixPortal found = store.portal(portal);
        List<String> receivers = found.handlers().stream()
                .filter(h -> !h.offline() && h.event().equals(UNINSTALL))
                .map(BitrixPortal.Handler::handler)
                .toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tokensRevoked", tokens.revoke(Api.BITRIX24, portal));
        result.put("handlersRemoved", found.unbindAll());
        String form = PhpForm.encode(uninstallEvent(found, clean));
        result.put(
                "notified",
                receivers.stream().map(handler -> post(handler, form)).toList());
        return ResponseEntity.ok(result);
    }

    /** Posts an application event form to a handler, as the portal's queue server does; the handler's answer. */
    private static Map<String, Object> post(String handler, String form) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("handler", handler);
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(handler))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("User-Agent", "Bitrix24 Webhook Engine")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            result.put("handlerStatus", answer.statusCode());
            result.put("handlerBody", answer.body());
        } catch (IOException e) {
            result.put("error", String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.put("error", "interrupted");
        }
        return result;
    }

    @RequestMapping(
            value = {"/bitrix24/{portal}/rest/app.info", "/bitrix24/{portal}/rest/app.info.json"},
            method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<Object> appInfo(
            @PathVariable String portal,
            @RequestBody(required = false) Map<String, Object> body,
            @RequestParam(value = "auth", required = false) String authParameter,
            HttpServletRequest request) {
        store.portal(portal);
        Object auth = body == null ? authParameter : body.getOrDefault("auth", authParameter);
        String token = auth instanceof String text ? text : Bearer.token(request);
        String code = "local.sandbox";
        switch (tokens.check(Api.BITRIX24, token)) {
            case ADMIN -> {}
            case VALID -> {
                if (!tokens.caller(token).mayAccess(portal)) {
                    throw BitrixErrors.invalidToken();
                }
                code = tokens.caller(token).integration();
            }
            case EXPIRED -> throw BitrixErrors.expiredToken();
            default -> throw token == null ? BitrixErrors.noAuth() : BitrixErrors.invalidToken();
        }
        Instant now = clock.instant();
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("ID", 1);
        app.put("CODE", code);
        app.put("VERSION", 1);
        app.put("STATUS", "L");
        app.put("INSTALLED", true);
        app.put("PAYMENT_EXPIRED", "N");
        app.put("DAYS", null);
        app.put("LANGUAGE_ID", "ru");
        app.put("LICENSE", "ru_pro100");
        app.put("LICENSE_TYPE", "pro100");
        app.put("LICENSE_FAMILY", "pro");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", app);
        answer.put("time", BitrixTime.of(now, clock.instant()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private Map<String, Object> uninstallEvent(BitrixPortal portal, boolean clean) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", UNINSTALL);
        event.put("data", Map.of("LANGUAGE_ID", "ru", "CLEAN", clean ? "1" : "0"));
        event.put("ts", String.valueOf(clock.instant().getEpochSecond()));
        event.put("auth", portalAuth(portal));
        return event;
    }

    private Map<String, Object> installEvent(BitrixPortal portal, TokenRegistry.Issued issued) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("VERSION", "1");
        data.put("ACTIVE", "Y");
        data.put("INSTALLED", "Y");
        data.put("LANGUAGE_ID", "ru");
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("access_token", issued.accessToken());
        auth.put("expires", String.valueOf(issued.accessExpiresAt().getEpochSecond()));
        auth.put("expires_in", String.valueOf(settings.accessTokenTtl().toSeconds()));
        auth.put("scope", "crm,user");
        auth.putAll(portalAuth(portal));
        auth.put("user_id", "1");
        auth.put("refresh_token", issued.refreshToken());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "ONAPPINSTALL");
        event.put("data", data);
        event.put("ts", String.valueOf(clock.instant().getEpochSecond()));
        event.put("auth", auth);
        return event;
    }

    /** The {@code auth} fields every application event of the portal carries: who sends it, and its token. */
    private Map<String, Object> portalAuth(BitrixPortal portal) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("domain", URI.create(baseUrl).getAuthority());
        auth.put("server_endpoint", baseUrl + "/bitrix24/oauth/rest/");
        auth.put("status", "L");
        auth.put("client_endpoint", baseUrl + "/bitrix24/" + portal.name + "/rest/");
        auth.put("member_id", portal.memberId);
        auth.put("application_token", portal.applicationToken);
        return auth;
    }
}
