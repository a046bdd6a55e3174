package io.slotbridge.sandbox.bitrix24;

import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.TokenRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Bitrix24 OAuth: the portal's authorize page (grants at once, code valid 30 s) and the OAuth server's token
 * endpoint: 1 h access tokens, refresh tokens that rotate on every use ({@code invalid_grant} for a spent one).
 */
@RestController
public class BitrixOAuthController {

    private static final Duration CODE_TTL = Duration.ofSeconds(30);

    private final BitrixStore store;
    private final TokenRegistry tokens;
    private final SandboxProperties.Bitrix24 settings;
    private final String baseUrl;

    public BitrixOAuthController(BitrixStore store, TokenRegistry tokens, SandboxProperties properties) {
        this.store = store;
        this.tokens = tokens;
        this.settings = properties.bitrix24();
        this.baseUrl = properties.baseUrl();
    }

    @GetMapping("/bitrix24/{portal}/oauth/authorize/")
    public ResponseEntity<Void> authorize(
            @PathVariable String portal,
            @RequestParam("client_id") String clientId,
            @RequestParam(value = "state", required = false) String state,
            @RequestParam(value = "redirect_uri") String redirectUri) {
        BitrixPortal found = store.portal(portal);
        String code = tokens.issueCode(Api.BITRIX24, portal, clientId, redirectUri, CODE_TTL);
        URI location = UriComponentsBuilder.fromUriString(redirectUri)
                .queryParam("code", code)
                .queryParamIfPresent("state", Optional.ofNullable(state))
                .queryParam("domain", URI.create(baseUrl).getAuthority())
                .queryParam("member_id", found.memberId)
                .queryParam("scope", "crm")
                .queryParam("server_domain", URI.create(baseUrl).getAuthority())
                .encode()
                .build()
                .toUri();
        return ResponseEntity.status(302).location(location).build();
    }

    @RequestMapping(
            value = {"/bitrix24/oauth/token/", "/bitrix24/oauth/token"},
            method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<Object> token(
            @RequestParam("grant_type") String grantType,
            @RequestParam(value = "client_id", required = false) String clientId,
            @RequestParam(value = "code", required = false) String code,
            @RequestParam(value = "refresh_token", required = false) String refreshToken) {
        TokenRegistry.Issued issued;
        if ("authorization_code".equals(grantType)) {
            TokenRegistry.Grant grant = tokens.redeemCode(Api.BITRIX24, code)
                    .filter(g -> clientId == null || g.clientId().equals(clientId))
                    .orElseThrow(() -> BitrixErrors.error(400, "invalid_grant", "Invalid authorization code"));
            issued = tokens.issue(grant, settings.accessTokenTtl(), settings.refreshTokenTtl());
        } else if ("refresh_token".equals(grantType)) {
            TokenRegistry.Refresh refresh = tokens.refresh(
                    Api.BITRIX24, refreshToken, settings.accessTokenTtl(), settings.refreshTokenTtl(), true);
            if (!(refresh instanceof TokenRegistry.Refresh.Rotated rotated)) {
                throw BitrixErrors.error(400, "invalid_grant", "Invalid refresh token");
            }
            issued = rotated.issued();
        } else {
            throw BitrixErrors.error(400, "invalid_request", "Unsupported grant_type");
        }
        BitrixPortal portal = store.portal(issued.grant().account());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", issued.accessToken());
        answer.put("expires", issued.accessExpiresAt().getEpochSecond());
        answer.put("expires_in", settings.accessTokenTtl().toSeconds());
        answer.put("scope", "crm");
        answer.put("domain", URI.create(baseUrl).getAuthority());
        answer.put("server_endpoint", baseUrl + "/bitrix24/oauth/rest/");
        answer.put("status", "L");
        answer.put("client_endpoint", baseUrl + "/bitrix24/" + portal.name + "/rest/");
        answer.put("member_id", portal.memberId);
        answer.put("user_id", 1);
        answer.put("refresh_token", issued.refreshToken());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }
}
