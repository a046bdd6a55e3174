package io.slotbridge.sandbox.amocrm;

import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.ApiException;
import io.slotbridge.sandbox.core.ApiPolicy;
import io.slotbridge.sandbox.core.Bearer;
import io.slotbridge.sandbox.core.Caller;
import io.slotbridge.sandbox.core.Faults;
import io.slotbridge.sandbox.core.RateLimits;
import io.slotbridge.sandbox.core.TokenRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * amoCRM's gate: a blocked account answers nginx's 403 to everything; then the bearer token; then 7 requests/s per
 * integration (429), and repeated 429s block the account for a while (403).
 */
@Component
public class AmoPolicy implements ApiPolicy {

    private static final Logger log = LoggerFactory.getLogger(AmoPolicy.class);

    private final AmoCrmStore store;
    private final TokenRegistry tokens;
    private final RateLimits rateLimits;
    private final SandboxProperties.Amocrm settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> violations = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    public AmoPolicy(
            AmoCrmStore store, TokenRegistry tokens, RateLimits rateLimits, SandboxProperties properties, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.settings = properties.amocrm();
        this.clock = clock;
    }

    @Override
    public Api api() {
        return Api.AMOCRM;
    }

    @Override
    public boolean isOpen(String path) {
        return !path.contains("/api/v4/");
    }

    @Override
    public Caller admit(HttpServletRequest request, String path, Faults faults) {
        String subdomain = path.split("/")[2];
        store.account(subdomain);
        Instant until = blockedUntil.get(subdomain);
        if (until != null && clock.instant().isBefore(until)) {
            throw AmoErrors.blocked();
        }
        Caller caller = authenticate(request, subdomain);
        RateLimits.Limit limit = RateLimits.effective(
                new RateLimits.Limit(settings.requestsPerSecond(), settings.requestsPerSecond()), faults);
        if (!rateLimits.tryAcquire(key(subdomain, caller), limit)) {
            throw overLimit(subdomain);
        }
        return caller;
    }

    private Caller authenticate(HttpServletRequest request, String subdomain) {
        String token = Bearer.token(request);
        TokenRegistry.Check check = tokens.check(Api.AMOCRM, token);
        if (check == TokenRegistry.Check.ADMIN) {
            return Caller.adminToken();
        }
        if (check != TokenRegistry.Check.VALID) {
            throw AmoErrors.unauthorized();
        }
        Caller caller = tokens.caller(token);
        if (!caller.mayAccess(subdomain)) {
            throw AmoErrors.unauthorized();
        }
        return caller;
    }

    /** 429, or the 403 block once the account kept exceeding the limit. */
    private ApiException overLimit(String subdomain) {
        Instant now = clock.instant();
        Deque<Instant> recent = violations.computeIfAbsent(subdomain, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(settings.violationWindow()))) {
                recent.removeFirst();
            }
            if (recent.size() >= settings.violationsBeforeBlock()) {
                recent.clear();
                blockedUntil.put(subdomain, now.plus(settings.blockDuration()));
                log.warn(
                        "amoCRM account {} blocked until {} after repeated 429s",
                        subdomain,
                        now.plus(settings.blockDuration()));
                return AmoErrors.blocked();
            }
        }
        return AmoErrors.tooManyRequests();
    }

    @Override
    public ApiException injectedError(int status) {
        if (status == 403) {
            return AmoErrors.blocked();
        }
        if (status == 429) {
            return AmoErrors.tooManyRequests();
        }
        return AmoErrors.problem(status, "Injected error", "Fault injected by the sandbox");
    }

    /** Lifts blocks and forgets violations (control API reset). */
    public void reset() {
        violations.clear();
        blockedUntil.clear();
    }

    public boolean isBlocked(String subdomain) {
        Instant until = blockedUntil.get(subdomain);
        return until != null && clock.instant().isBefore(until);
    }

    private static String key(String subdomain, Caller caller) {
        return "amocrm:" + subdomain + ":" + caller.integration();
    }

    @Override
    public ApiException invalidRequest(int status, String message) {
        return AmoErrors.problem(status, status == 400 ? "Bad Request" : "Error", message);
    }
}
