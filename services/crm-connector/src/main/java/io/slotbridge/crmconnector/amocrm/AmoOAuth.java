package io.slotbridge.crmconnector.amocrm;

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

/** amoCRM's OAuth 2.0 endpoints: the consent page URL and {@code POST /oauth2/access_token}. */
public final class AmoOAuth {

    static final String DEFAULT_AUTHORIZE_URL = "https://www.amocrm.ru/oauth";

    private final JsonHttp http;
    private final ObjectMapper json;

    public AmoOAuth(JsonHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** A fresh pair; {@code toString} hides the tokens. */
    public record TokenPair(String accessToken, String refreshToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "TokenPair[expiresAt=" + expiresAt + ", tokens=***]";
        }
    }

    public static String authorizeUrl(TenantSettings.Crm crm, String state) {
        TenantSettings.Auth auth = crm.auth();
        String base = auth.authorizeUrl() != null ? auth.authorizeUrl() : DEFAULT_AUTHORIZE_URL;
        return base + (base.contains("?") ? "&" : "?") + "client_id=" + encode(auth.clientId()) + "&state="
                + encode(state) + "&mode=post_message";
    }

    public TokenPair exchangeCode(TenantSettings.Crm crm, String code, Instant now) {
        Map<String, String> body = base(crm);
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        return request(crm, body, now, "authorization code");
    }

    /** Spends {@code refreshToken} (single-use); the caller persists the returned pair before using it. */
    public TokenPair refresh(TenantSettings.Crm crm, String refreshToken, Instant now) {
        Map<String, String> body = base(crm);
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        return request(crm, body, now, "refresh token");
    }

    private TokenPair request(TenantSettings.Crm crm, Map<String, String> body, Instant now, String what) {
        JsonHttp.Response response;
        try {
            response = http.send(
                    "POST",
                    URI.create(crm.baseUrl() + "/oauth2/access_token"),
                    json.writeValueAsString(body),
                    Map.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (response.status() == 400 || response.status() == 401) {
            throw new NotConnectedException("amoCRM refused the " + what + " ("
                    + ProblemText.describe(response.status(), response.body())
                    + "); an administrator has to connect the account again");
        }
        if (!response.ok()) {
            throw new CrmApiException(
                    RejectionCode.UNAVAILABLE,
                    "amoCRM token endpoint: " + ProblemText.describe(response.status(), response.body()),
                    true,
                    response.status());
        }
        try {
            JsonNode node = json.readTree(response.body());
            String access = node.path("access_token").asText(null);
            if (access == null) {
                throw new CrmApiException(
                        RejectionCode.UNKNOWN, "amoCRM token response has no access_token", false, 200);
            }
            return new TokenPair(
                    access,
                    node.path("refresh_token").asText(null),
                    now.plusSeconds(node.path("expires_in").asLong(86_400)));
        } catch (java.io.IOException e) {
            throw new CrmApiException(RejectionCode.UNKNOWN, "amoCRM token response is not JSON", false, 200);
        }
    }

    private static Map<String, String> base(TenantSettings.Crm crm) {
        TenantSettings.Auth auth = crm.auth();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("client_id", auth.clientId());
        body.put("client_secret", auth.clientSecret());
        body.put("redirect_uri", auth.redirectUri());
        return body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
