package io.slotbridge.sandbox.google;

import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.ApiException;
import io.slotbridge.sandbox.core.ApiPolicy;
import io.slotbridge.sandbox.core.Bearer;
import io.slotbridge.sandbox.core.Caller;
import io.slotbridge.sandbox.core.Faults;
import io.slotbridge.sandbox.core.RateLimits;
import io.slotbridge.sandbox.core.TokenRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Google Calendar's gate: a bearer token (the admin token or one from {@code /google/token}); no per-second limit of
 * its own, but a rate limit set by fault injection answers 403 {@code usageLimits/rateLimitExceeded} like Google's
 * per-user quota does.
 */
@Component
public class GooglePolicy implements ApiPolicy {

    private final TokenRegistry tokens;
    private final RateLimits rateLimits;

    public GooglePolicy(TokenRegistry tokens, RateLimits rateLimits) {
        this.tokens = tokens;
        this.rateLimits = rateLimits;
    }

    @Override
    public Api api() {
        return Api.GOOGLE;
    }

    @Override
    public boolean isOpen(String path) {
        return !path.startsWith("/google/calendar/");
    }

    @Override
    public Caller admit(HttpServletRequest request, String path, Faults faults) {
        String token = Bearer.token(request);
        TokenRegistry.Check check = tokens.check(Api.GOOGLE, token);
        if (check != TokenRegistry.Check.ADMIN && check != TokenRegistry.Check.VALID) {
            throw GoogleErrors.unauthenticated();
        }
        Caller caller = tokens.caller(token);
        if (faults.rateLimitPerSecond() != null) {
            double rate = faults.rateLimitPerSecond();
            RateLimits.Limit limit = new RateLimits.Limit(
                    rate, faults.burst() != null ? faults.burst() : (int) Math.max(1, Math.ceil(rate)));
            if (!rateLimits.tryAcquire("google:" + caller.integration(), limit)) {
                throw GoogleErrors.rateLimited(403);
            }
        }
        return caller;
    }

    @Override
    public ApiException injectedError(int status) {
        return switch (status) {
            case 403, 429 -> GoogleErrors.rateLimited(status);
            case 500, 502, 503, 504 -> GoogleErrors.error(status, "global", "backendError", "Backend Error");
            default -> GoogleErrors.error(status, "global", "injected", "Fault injected by the sandbox");
        };
    }

    @Override
    public ApiException invalidRequest(int status, String message) {
        return status == 400
                ? GoogleErrors.error(400, "global", "parseError", "Parse Error: " + message)
                : GoogleErrors.error(status, "global", status == 404 ? "notFound" : "invalid", message);
    }
}
