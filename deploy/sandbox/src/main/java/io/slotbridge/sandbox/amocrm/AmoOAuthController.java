package io.slotbridge.sandbox.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.TokenRegistry;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * amoCRM OAuth 2.0: a consent page that grants at once and redirects back with a code (20 min), and the token
 * endpoint with 24 h access tokens and single-use refresh tokens (a spent one answers 401 "Token has been revoked").
 */
@RestController
public class AmoOAuthController {

    private final AmoCrmStore store;
    private final TokenRegistry tokens;
    private final SandboxProperties.Amocrm settings;
    private final String baseUrl;

    public AmoOAuthController(AmoCrmStore store, TokenRegistry tokens, SandboxProperties properties) {
        this.store = store;
        this.tokens = tokens;
        this.settings = properties.amocrm();
        this.baseUrl = properties.baseUrl();
    }

    /** Stands in for amoCRM's "Allow access" screen: the account's admin always allows. */
    @GetMapping("/amocrm/{subdomain}/oauth")
    public ResponseEntity<Void> consent(
            @PathVariable String subdomain,
            @RequestParam("client_id") String clientId,
            @RequestParam(value = "state", required = false) String state,
            @RequestParam(value = "redirect_uri") String redirectUri) {
        store.account(subdomain);
        String code = tokens.issueCode(Api.AMOCRM, subdomain, clientId, redirectUri, settings.authorizationCodeTtl());
        URI location = UriComponentsBuilder.fromUriString(redirectUri)
                .queryParam("code", code)
                .queryParamIfPresent("state", java.util.Optional.ofNullable(state))
                .queryParam("referer", URI.create(baseUrl).getAuthority())
                .queryParam("client_id", clientId)
                .queryParam("from_widget", 0)
                .encode()
                .build()
                .toUri();
        return ResponseEntity.status(302).location(location).build();
    }

    @PostMapping("/amocrm/{subdomain}/oauth2/access_token")
    public ResponseEntity<Object> token(@PathVariable String subdomain, @RequestBody(required = false) JsonNode body) {
        store.account(subdomain);
        if (body == null || !body.hasNonNull("client_id") || !body.hasNonNull("grant_type")) {
            throw AmoErrors.oauth(
                    400, "client_id and grant_type are required", "The request is missing a required parameter");
        }
        String grantType = body.get("grant_type").asText();
        TokenRegistry.Issued issued;
        if ("authorization_code".equals(grantType)) {
            TokenRegistry.Grant grant = tokens.redeemCode(
                            Api.AMOCRM, body.path("code").asText(null))
                    .filter(g -> g.account().equals(subdomain)
                            && g.clientId().equals(body.get("client_id").asText()))
                    .orElseThrow(() -> AmoErrors.oauth(
                            400, "Authorization code has expired", "The authorization code is invalid or expired"));
            issued = tokens.issue(grant, settings.accessTokenTtl(), settings.refreshTokenTtl());
        } else if ("refresh_token".equals(grantType)) {
            TokenRegistry.Refresh refresh = tokens.refresh(
                    Api.AMOCRM,
                    body.path("refresh_token").asText(null),
                    settings.accessTokenTtl(),
                    settings.refreshTokenTtl(),
                    true);
            if (!(refresh instanceof TokenRegistry.Refresh.Rotated rotated)) {
                throw refresh instanceof TokenRegistry.Refresh.Revoked
                        ? AmoErrors.oauth(401, "Token has been revoked", "The refresh token is invalid.")
                        : AmoErrors.oauth(401, "Cannot decrypt the refresh token", "The refresh token is invalid.");
            }
            if (!rotated.issued().grant().account().equals(subdomain)) {
                throw AmoErrors.oauth(401, "Token belongs to another account", "The refresh token is invalid.");
            }
            issued = rotated.issued();
        } else {
            throw AmoErrors.oauth(400, "Unsupported grant type", "The authorization grant type is not supported");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token_type", "Bearer");
        answer.put("expires_in", settings.accessTokenTtl().toSeconds());
        answer.put("access_token", issued.accessToken());
        answer.put("refresh_token", issued.refreshToken());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }
}
