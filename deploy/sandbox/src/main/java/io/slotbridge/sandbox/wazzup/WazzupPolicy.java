package io.slotbridge.sandbox.wazzup;

import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.ApiException;
import io.slotbridge.sandbox.core.ApiPolicy;
import io.slotbridge.sandbox.core.Bearer;
import io.slotbridge.sandbox.core.Caller;
import io.slotbridge.sandbox.core.Faults;
import io.slotbridge.sandbox.core.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Wazzup's gate: a known API key as bearer token, 500 requests per 5 s per key (429). */
@Component
public class WazzupPolicy implements ApiPolicy {

    private final WazzupAccounts accounts;
    private final RateLimits rateLimits;
    private final SandboxProperties.Wazzup settings;

    public WazzupPolicy(WazzupAccounts accounts, RateLimits rateLimits, SandboxProperties properties) {
        this.accounts = accounts;
        this.rateLimits = rateLimits;
        this.settings = properties.wazzup();
    }

    @Override
    public Api api() {
        return Api.WAZZUP;
    }

    @Override
    public boolean isOpen(String path) {
        return false;
    }

    @Override
    public Caller admit(HttpServletRequest request, String path, Faults faults) {
        String key = Bearer.token(request);
        if (key == null || !accounts.isKnownKey(key)) {
            throw WazzupErrors.error(401, "UNAUTHORIZED", "Invalid API key", null);
        }
        RateLimits.Limit real =
                new RateLimits.Limit(settings.requestsPerFiveSeconds() / 5.0, settings.requestsPerFiveSeconds());
        if (!rateLimits.tryAcquire("wazzup:" + key, RateLimits.effective(real, faults))) {
            throw WazzupErrors.error(429, "TOO_MANY_REQUESTS", "Too many requests", null);
        }
        return new Caller(key, key, false);
    }

    @Override
    public ApiException injectedError(int status) {
        return WazzupErrors.error(status, "UNKNOWN_ERROR", "Fault injected by the sandbox", null);
    }

    @Override
    public ApiException invalidRequest(int status, String message) {
        return WazzupErrors.error(status, status == 400 ? "VALIDATION_ERROR" : "UNKNOWN_ERROR", message, null);
    }
}
