package io.slotbridge.sandbox.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every emulated API: injected latency, the API's own admission (auth, rate limits), injected errors;
 * behind it: counters and the request log.
 */
@Component
public class ApiGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiGuardFilter.class);

    private final Map<Api, ApiPolicy> policies = new EnumMap<>(Api.class);
    private final FaultRegistry faults;
    private final ApiStats stats;
    private final RequestLog requestLog;
    private final ObjectMapper json;
    private final Clock clock;

    public ApiGuardFilter(
            List<ApiPolicy> policies,
            FaultRegistry faults,
            ApiStats stats,
            RequestLog requestLog,
            ObjectMapper json,
            Clock clock) {
        policies.forEach(policy -> this.policies.put(policy.api(), policy));
        this.faults = faults;
        this.stats = stats;
        this.requestLog = requestLog;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Api> api = Api.ofPath(path);
        boolean logged = api.isPresent() || path.startsWith("/sandbox/");
        long started = System.nanoTime();
        try {
            HttpServletRequest effective = GzipRequest.apply(MethodOverride.apply(request));
            if (api.isPresent()) {
                guard(api.get(), effective, path);
            }
            chain.doFilter(effective, response);
        } catch (ApiException e) {
            log.info(
                    "{} {} answered {} by the {} gate: {}",
                    request.getMethod(),
                    path,
                    e.status(),
                    api.map(Api::id).orElse("sandbox"),
                    reason(e));
            write(e, response);
        } finally {
            api.ifPresent(value -> stats.recordStatus(value, response.getStatus()));
            if (logged) {
                String query = request.getQueryString();
                requestLog.add(new RequestLog.Entry(
                        clock.instant(),
                        api.map(Api::id).orElse("sandbox"),
                        request.getMethod(),
                        query == null ? path : path + "?" + query,
                        response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000));
            }
        }
    }

    private void guard(Api api, HttpServletRequest request, String path) {
        ApiPolicy policy = policies.get(api);
        Faults current = faults.of(api);
        if (current.latencyMillis() > 0) {
            sleep(current.latencyMillis());
        }
        if (policy == null || policy.isOpen(path)) {
            return;
        }
        Caller caller = policy.admit(request, path, current);
        if (faults.injectError(api)) {
            stats.increment(api, ApiStats.Counter.INJECTED_ERRORS);
            throw policy.injectedError(current.errorStatus());
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
    }

    /** The answer to a request the controllers could not read (bad JSON, missing parameter), in the API's shape. */
    public Optional<ApiException> invalidRequest(String path, int status, String message) {
        return Api.ofPath(path).map(policies::get).map(policy -> policy.invalidRequest(status, message));
    }

    /** The error's text for a log line (never a token: the bodies carry none). */
    static String reason(ApiException e) {
        Object body = e.body();
        return body instanceof String ? "(HTML page)" : String.valueOf(body);
    }

    /** Writes an API error in its own format. */
    public void write(ApiException e, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            log.warn("response already committed, cannot write {}", e.getMessage());
            return;
        }
        response.resetBuffer();
        response.setStatus(e.status());
        e.headers().forEach(response::setHeader);
        response.setContentType(e.contentType().toString());
        byte[] body = e.body() instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(e.body());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
