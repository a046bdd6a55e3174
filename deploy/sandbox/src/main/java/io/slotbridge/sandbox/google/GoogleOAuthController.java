package io.slotbridge.sandbox.google;

import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.ApiException;
import io.slotbridge.sandbox.core.TokenRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Google OAuth 2.0: a consent page that grants at once and redirects back with a code, and the token endpoint
 * (authorization code, refresh token — Google's refresh tokens do not rotate — and the service-account JWT grant,
 * whose assertion the sandbox accepts without checking the signature).
 */
@RestController
public class GoogleOAuthController {

    private static final Duration CODE_TTL = Duration.ofMinutes(10);
    private static final Duration REFRESH_TTL = Duration.ofDays(3650);
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final TokenRegistry tokens;
    private final SandboxProperties.Google settings;

    public GoogleOAuthController(TokenRegistry tokens, SandboxProperties properties) {
        this.tokens = tokens;
        this.settings = properties.google();
    }

    @GetMapping("/google/o/oauth2/auth")
    public ResponseEntity<Void> consent(
            @RequestParam("client_id") String clientId,
            @RequestParam("redirect_uri") String redirectUri,
            @RequestParam(value = "state", required = false) String state,
            @RequestParam(value = "scope", required = false) String scope) {
        String code = tokens.issueCode(Api.GOOGLE, "google", clientId, redirectUri, CODE_TTL);
        URI location = UriComponentsBuilder.fromUriString(redirectUri)
                .queryParamIfPresent("state", Optional.ofNullable(state))
                .queryParam("code", code)
                .queryParamIfPresent("scope", Optional.ofNullable(scope))
                .encode()
                .build()
                .toUri();
        return ResponseEntity.status(302).location(location).build();
    }

    @PostMapping(value = "/google/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Object> token(
            @RequestParam("grant_type") String grantType,
            @RequestParam(value = "code", required = false) String code,
            @RequestParam(value = "refresh_token", required = false) String refreshToken,
            @RequestParam(value = "client_id", required = false) String clientId,
            @RequestParam(value = "redirect_uri", required = false) String redirectUri,
            @RequestParam(value = "assertion", required = false) String assertion) {
        Map<String, Object> answer = new LinkedHashMap<>();
        switch (grantType) {
            case "authorization_code" -> {
                TokenRegistry.Grant grant = tokens.redeemCode(Api.GOOGLE, code)
                        .filter(g -> clientId == null || g.clientId().equals(clientId))
                        .filter(g -> redirectUri == null || redirectUri.equals(g.redirectUri()))
                        .orElseThrow(() -> oauthError("invalid_grant", "Malformed auth code."));
                TokenRegistry.Issued issued = tokens.issue(grant, settings.accessTokenTtl(), REFRESH_TTL);
                answer.put("access_token", issued.accessToken());
                answer.put("expires_in", settings.accessTokenTtl().toSeconds() - 1);
                answer.put("refresh_token", issued.refreshToken());
            }
            case "refresh_token" -> {
                TokenRegistry.Refresh refresh =
                        tokens.refresh(Api.GOOGLE, refreshToken, settings.accessTokenTtl(), null, false);
                if (!(refresh instanceof TokenRegistry.Refresh.Rotated rotated)) {
                    throw oauthError("invalid_grant", "Token has been expired or revoked.");
                }
                answer.put("access_token", rotated.issued().accessToken());
                answer.put("expires_in", settings.accessTokenTtl().toSeconds() - 1);
            }
            case JWT_BEARER -> {
                if (assertion == null || assertion.isBlank()) {
                    throw oauthError("invalid_request", "Missing required parameter: assertion");
                }
                TokenRegistry.Issued issued = tokens.issue(
                        new TokenRegistry.Grant(Api.GOOGLE, "google", "service-account", null, null),
                        settings.accessTokenTtl(),
                        null);
                answer.put("access_token", issued.accessToken());
                answer.put("expires_in", settings.accessTokenTtl().toSeconds() - 1);
            }
            default -> throw oauthError("unsupported_grant_type", "Invalid grant_type: " + grantType);
        }
        answer.put("scope", "https://www.googleapis.com/auth/calendar.events");
        answer.put("token_type", "Bearer");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private static ApiException oauthError(String error, String description) {
        return new ApiException(
                400, MediaType.APPLICATION_JSON, Map.of("error", error, "error_description", description));
    }
}
