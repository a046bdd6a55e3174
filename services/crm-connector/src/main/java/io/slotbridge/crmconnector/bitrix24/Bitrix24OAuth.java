package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.crmconnector.app.CrmApiException;
import io.slotbridge.crmconnector.app.NotConnectedException;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.http.JsonHttp;
import io.slotbridge.crmconnector.http.ProblemText;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bitrix24's OAuth 2.0: the portal's consent page ({@code <portal>/oauth/authorize/}) and the OAuth server's token
 * endpoint ({@code GET https://oauth.bitrix.info/oauth/token/?grant_type=…}, region-specific, so configurable as
 * {@code crm.auth.token-url}). Access tokens live an hour; every refresh returns a new refresh token.
 */
final class Bitrix24OAuth {

    static final String DEFAULT_TOKEN_URL = "https://oauth.bitrix.info/oauth/token/";

    private final JsonHttp http;
    private final ObjectMapper json;

    Bitrix24OAuth(JsonHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** A fresh pair; {@code toString} hides the tokens. */
    record TokenPair(String accessToken, String refreshToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "TokenPair[expiresAt=" + expiresAt + ", tokens=***]";
        }
    }

    static String authorizeUrl(TenantSettings.Crm crm, String state) {
        TenantSettings.Auth auth = crm.auth();
        String base = auth.authorizeUrl() != null
                ? auth.authorizeUrl()
                : (crm.baseUrl().endsWith("/") ? crm.baseUrl() : crm.baseUrl() + "/") + "oauth/authorize/";
        return base + (base.contains("?") ? "&" : "?") + "client_id=" + encode(auth.clientId()) + "&state="
                + encode(state) + "&redirect_uri=" + encode(auth.redirectUri());
    }

    TokenPair exchangeCode(TenantSettings.Crm crm, String code, Instant now) {
        Map<String, String> query = base(crm);
        query.put("grant_type", "authorization_code");
        query.put("code", code);
        return request(crm, query, now, "authorization code");
    }

    /** Spends {@code refreshToken}; the caller persists the returned pair before using it. */
    TokenPair refresh(TenantSettings.Crm crm, String refreshToken, Instant now) {
        Map<String, String> query = base(crm);
        query.put("grant_type", "refresh_token");
        query.put("refresh_token", refreshToken);
        return request(crm, query, now, "refresh token");
    }

    private TokenPair request(TenantSettings.Crm crm, Map<String, String> query, Instant now, String what) {
        String url = crm.auth().tokenUrl() != null ? crm.auth().tokenUrl() : DEFAULT_TOKEN_URL;
        String params = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        JsonHttp.Response response =
                http.send("GET", URI.create(url + (url.contains("?") ? "&" : "?") + params), null, Map.of());
        if (response.status() == 400 || response.status() == 401) {
            throw new NotConnectedException("Bitrix24 refused the " + what + " ("
                    + ProblemText.describe(response.status(), response.body())
                    + "); an administrator has to connect the portal again");
        }
        if (!response.ok()) {
            throw new CrmApiException(
                    RejectionCode.UNAVAILABLE,
                    "Bitrix24 token endpoint: " + ProblemText.describe(response.status(), response.body()),
                    true,
                    response.status());
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node.hasNonNull("error")) {
                throw new NotConnectedException("Bitrix24 refused the " + what + " ("
                        + node.path("error").asText() + "); an administrator has to connect the portal again");
            }
            String access = node.path("access_token").asText(null);
            if (access == null) {
                throw new CrmApiException(
                        RejectionCode.UNKNOWN, "Bitrix24 token response has no access_token", false, 200);
            }
            return new TokenPair(
                    access,
                    node.path("refresh_token").asText(null),
                    now.plusSeconds(node.path("expires_in").asLong(3600)));
        } catch (java.io.IOException e) {
            throw new CrmApiException(RejectionCode.UNKNOWN, "Bitrix24 token response is not JSON", false, 200);
        }
    }

    private static Map<String, String> base(TenantSettings.Crm crm) {
        TenantSettings.Auth auth = crm.auth();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", auth.clientId());
        query.put("client_secret", auth.clientSecret());
        return query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
