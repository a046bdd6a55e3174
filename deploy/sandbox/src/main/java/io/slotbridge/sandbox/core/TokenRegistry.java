package io.slotbridge.sandbox.core;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Authorization codes, access tokens and refresh tokens issued by the emulated OAuth endpoints, plus the static admin
 * token every emulated API accepts. Refresh tokens either rotate (amoCRM, Bitrix24: each one works once) or stay
 * (Google).
 */
@Component
public class TokenRegistry {

    public static final String ADMIN_TOKEN = "sandbox-admin";

    /** A grant behind a code or token: which API, which account, which OAuth client. */
    public record Grant(Api api, String account, String clientId, String redirectUri, Instant expiresAt) {}

    /** A fresh access token and (when the flow has one) refresh token. */
    public record Issued(String accessToken, String refreshToken, Instant accessExpiresAt, Grant grant) {}

    /** The outcome of presenting an access token. */
    public enum Check {
        ADMIN,
        VALID,
        EXPIRED,
        INVALID
    }

    /** The outcome of presenting a refresh token. */
    public sealed interface Refresh {
        record Rotated(Issued issued) implements Refresh {}

        /** A spent single-use refresh token (amoCRM: "Token has been revoked"). */
        record Revoked() implements Refresh {}

        record Expired() implements Refresh {}

        record Unknown() implements Refresh {}
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Api> spentRefreshTokens = new ConcurrentHashMap<>();

    public TokenRegistry(Clock clock) {
        this.clock = clock;
    }

    public String issueCode(Api api, String account, String clientId, String redirectUri, Duration ttl) {
        String code = random(api, 24);
        codes.put(
                code,
                new Grant(api, account, clientId, redirectUri, clock.instant().plus(ttl)));
        return code;
    }

    /** Authorization codes work once and only before they expire. */
    public Optional<Grant> redeemCode(Api api, String code) {
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null || grant.api() != api || !clock.instant().isBefore(grant.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    public Issued issue(Grant grant, Duration accessTtl, Duration refreshTtl) {
        Instant now = clock.instant();
        String access = random(grant.api(), 32);
        Grant accessGrant = new Grant(grant.api(), grant.account(), grant.clientId(), null, now.plus(accessTtl));
        accessTokens.put(access, accessGrant);
        String refresh = null;
        if (refreshTtl != null) {
            refresh = random(grant.api(), 32);
            refreshTokens.put(
                    refresh, new Grant(grant.api(), grant.account(), grant.clientId(), null, now.plus(refreshTtl)));
        }
        return new Issued(access, refresh, accessGrant.expiresAt(), accessGrant);
    }

    /**
     * Exchanges a refresh token. With {@code rotate} the presented token is spent atomically (two racing refreshes:
     * exactly one wins) and a new one is issued; without, it stays valid and only a new access token is issued.
     */
    public Refresh refresh(Api api, String refreshToken, Duration accessTtl, Duration refreshTtl, boolean rotate) {
        if (refreshToken == null) {
            return new Refresh.Unknown();
        }
        Grant grant = rotate ? refreshTokens.remove(refreshToken) : refreshTokens.get(refreshToken);
        if (grant == null || grant.api() != api) {
            if (grant != null && rotate) {
                refreshTokens.put(refreshToken, grant);
            }
            return spentRefreshTokens.get(refreshToken) == api ? new Refresh.Revoked() : new Refresh.Unknown();
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            return new Refresh.Expired();
        }
        if (rotate) {
            spentRefreshTokens.put(refreshToken, api);
        }
        return new Refresh.Rotated(issue(grant, accessTtl, rotate ? refreshTtl : null));
    }

    public Check check(Api api, String token) {
        if (token == null || token.isEmpty()) {
            return Check.INVALID;
        }
        if (MessageDigest.isEqual(token.getBytes(), ADMIN_TOKEN.getBytes())) {
            return Check.ADMIN;
        }
        Grant grant = accessTokens.get(token);
        if (grant == null || grant.api() != api) {
            return Check.INVALID;
        }
        return clock.instant().isBefore(grant.expiresAt()) ? Check.VALID : Check.EXPIRED;
    }

    /** The caller behind a token that {@link #check} found valid or admin. */
    public Caller caller(String token) {
        Grant grant = accessTokens.get(token);
        return grant == null ? Caller.adminToken() : new Caller(grant.account(), grant.clientId(), false);
    }

    /** Fault injection: every access token of the API issued so far is expired from now on. */
    public void expireAccessTokens(Api api) {
        Instant now = clock.instant();
        accessTokens.replaceAll((token, grant) ->
                grant.api() == api ? new Grant(grant.api(), grant.account(), grant.clientId(), null, now) : grant);
    }

    /** Withdraws every access and refresh token of an account (an application removed from a portal). */
    public int revoke(Api api, String account) {
        int before = accessTokens.size() + refreshTokens.size();
        accessTokens.values().removeIf(g -> g.api() == api && g.account().equals(account));
        refreshTokens.values().removeIf(g -> g.api() == api && g.account().equals(account));
        return before - accessTokens.size() - refreshTokens.size();
    }

    public void reset() {
        codes.clear();
        accessTokens.clear();
        refreshTokens.clear();
        spentRefreshTokens.clear();
    }

    private static String random(Api api, int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        String prefix = api == Api.GOOGLE ? "ya29.sandbox-" : "";
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
