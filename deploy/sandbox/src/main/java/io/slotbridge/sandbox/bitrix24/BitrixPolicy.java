package io.slotbridge.sandbox.bitrix24;

import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.ApiException;
import io.slotbridge.sandbox.core.ApiPolicy;
import io.slotbridge.sandbox.core.Caller;
import io.slotbridge.sandbox.core.Faults;
import io.slotbridge.sandbox.core.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Bitrix24's gate: the portal's leaky bucket (drains 2/s, blocks at 50) counts every REST request before anything
 * else, as the real one does per portal and IP. Authentication needs the {@code auth} parameter, which may be in the
 * body, so the REST controller checks it.
 */
@Component
public class BitrixPolicy implements ApiPolicy {

    private final BitrixStore store;
    private final RateLimits rateLimits;
    private final SandboxProperties.Bitrix24 settings;

    public BitrixPolicy(BitrixStore store, RateLimits rateLimits, SandboxProperties properties) {
        this.store = store;
        this.rateLimits = rateLimits;
        this.settings = properties.bitrix24();
    }

    @Override
    public Api api() {
        return Api.BITRIX24;
    }

    @Override
    public boolean isOpen(String path) {
        return !path.contains("/rest/");
    }

    @Override
    public Caller admit(HttpServletRequest request, String path, Faults faults) {
        String portal = path.split("/")[2];
        store.portal(portal);
        RateLimits.Limit limit =
                RateLimits.effective(new RateLimits.Limit(settings.requestsPerSecond(), settings.burst()), faults);
        if (!rateLimits.tryAcquire("bitrix24:" + portal, limit)) {
            throw BitrixErrors.queryLimitExceeded();
        }
        return null;
    }

    @Override
    public ApiException injectedError(int status) {
        return switch (status) {
            case 503 -> BitrixErrors.queryLimitExceeded();
            case 429 -> BitrixErrors.operationTimeLimit();
            case 401 -> BitrixErrors.expiredToken();
            default -> BitrixErrors.error(status, "INTERNAL_SERVER_ERROR", "Internal server error");
        };
    }

    @Override
    public ApiException invalidRequest(int status, String message) {
        return BitrixErrors.error(
                status, status == 404 || status == 405 ? "ERROR_METHOD_NOT_FOUND" : "INVALID_REQUEST", message);
    }
}
