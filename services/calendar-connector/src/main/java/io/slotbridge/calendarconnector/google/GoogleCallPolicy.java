package io.slotbridge.calendarconnector.google;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.googleapis.services.json.AbstractGoogleJsonClientRequest;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.slotbridge.calendarconnector.config.CalendarConnectorProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every Google call is made: within the tenant's requests-per-second budget (a resilience4j rate limiter; each
 * call inside a batch counts, as it does for Google's quota), retried with exponential back-off and jitter while
 * Google answers with a rate limit (403 {@code rateLimitExceeded}/{@code userRateLimitExceeded}, 429) or a server
 * error, and sent as one batch request when several calls are ready at once.
 */
public class GoogleCallPolicy {

    private static final Logger log = LoggerFactory.getLogger(GoogleCallPolicy.class);
    private static final Set<Integer> BATCH_MISSING = Set.of(404, 405, 501);

    private final RetryConfig retryConfig;
    private final int maxBatchSize;
    private final ToDoubleFunction<String> requestsPerSecond;
    private final ApiCallStats stats;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Set<String> withoutBatchEndpoint = ConcurrentHashMap.newKeySet();

    public GoogleCallPolicy(
            CalendarConnectorProperties.Retry retry,
            int maxBatchSize,
            ToDoubleFunction<String> requestsPerSecond,
            ApiCallStats stats) {
        this.retryConfig = RetryConfig.<Object>custom()
                .maxAttempts(retry.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        retry.initialBackoff(), 2.0, 0.5, retry.maxBackoff()))
                .retryOnException(e -> e instanceof GoogleFailure f && f.retryable())
                .build();
        this.maxBatchSize = maxBatchSize;
        this.requestsPerSecond = requestsPerSecond;
        this.stats = stats;
    }

    /** One call; its failure (after retries) is thrown as {@link GoogleFailure}. */
    public <T> T call(String tenant, String operation, AbstractGoogleJsonClientRequest<T> request) {
        Outcome<T> outcome = each(tenant, operation, Map.of(operation, request)).get(operation);
        if (!outcome.succeeded()) {
            throw outcome.failure();
        }
        return outcome.value();
    }

    /**
     * Several calls to one tenant's calendar, batched when there is more than one. Calls that were rate limited are
     * retried (only those) until they succeed or the attempts run out; the outcome of every call comes back under its
     * key.
     */
    public <K, T> Map<K, Outcome<T>> each(
            String tenant, String operation, Map<K, ? extends AbstractGoogleJsonClientRequest<T>> requests) {
        Map<K, AbstractGoogleJsonClientRequest<T>> pending = new LinkedHashMap<>(requests);
        Map<K, Outcome<T>> results = new LinkedHashMap<>();
        Map<K, GoogleFailure> lastFailures = new LinkedHashMap<>();
        Retry retry = Retry.of(tenant + "." + operation, retryConfig);
        retry.getEventPublisher()
                .onRetry(e -> log.warn(
                        "google {} for tenant {}: attempt {} failed ({}), retrying in {} ms",
                        operation,
                        tenant,
                        e.getNumberOfRetryAttempts(),
                        e.getLastThrowable() == null
                                ? "?"
                                : e.getLastThrowable().getMessage(),
                        e.getWaitInterval().toMillis()));
        try {
            retry.executeCheckedSupplier(() -> {
                round(tenant, operation, pending, results, lastFailures);
                if (!pending.isEmpty()) {
                    throw lastFailures.get(pending.keySet().iterator().next());
                }
                return null;
            });
        } catch (GoogleFailure exhausted) {
            pending.keySet().forEach(key -> results.put(key, Outcome.failed(lastFailures.get(key))));
        } catch (Throwable unexpected) {
            throw new IllegalStateException("google " + operation + " failed unexpectedly", unexpected);
        }
        Map<K, Outcome<T>> ordered = new LinkedHashMap<>();
        requests.keySet().forEach(key -> ordered.put(key, results.get(key)));
        return ordered;
    }

    private <K, T> void round(
            String tenant,
            String operation,
            Map<K, AbstractGoogleJsonClientRequest<T>> pending,
            Map<K, Outcome<T>> results,
            Map<K, GoogleFailure> lastFailures) {
        List<K> keys = new ArrayList<>(pending.keySet());
        for (int from = 0; from < keys.size(); from += maxBatchSize) {
            List<K> chunk = keys.subList(from, Math.min(keys.size(), from + maxBatchSize));
            Map<K, Outcome<T>> outcomes = acquire(tenant, chunk.size())
                    ? send(tenant, chunk, pending)
                    : allFailed(
                            chunk,
                            new GoogleFailure(
                                    GoogleFailure.Kind.RATE_LIMITED,
                                    null,
                                    "localQuota",
                                    "tenant " + tenant + " has used its requests-per-second budget"));
            outcomes.forEach((key, outcome) -> {
                stats.record(tenant, operation, ApiCallStats.resultOf(outcome.failure()));
                if (outcome.failure() != null && outcome.failure().retryable()) {
                    lastFailures.put(key, outcome.failure());
                } else {
                    results.put(key, outcome);
                    pending.remove(key);
                }
            });
        }
    }

    private <K, T> Map<K, Outcome<T>> send(
            String tenant, List<K> chunk, Map<K, AbstractGoogleJsonClientRequest<T>> pending) {
        if (chunk.size() == 1 || withoutBatchEndpoint.contains(tenant)) {
            Map<K, Outcome<T>> outcomes = new LinkedHashMap<>();
            chunk.forEach(key -> outcomes.put(key, executeOne(pending.get(key))));
            return outcomes;
        }
        Map<K, Outcome<T>> outcomes = new LinkedHashMap<>();
        try {
            BatchRequest batch =
                    pending.get(chunk.get(0)).getAbstractGoogleClient().batch();
            for (K key : chunk) {
                pending.get(key).queue(batch, new JsonBatchCallback<T>() {
                    @Override
                    public void onSuccess(T value, HttpHeaders headers) {
                        outcomes.put(key, Outcome.ok(value));
                    }

                    @Override
                    public void onFailure(GoogleJsonError error, HttpHeaders headers) {
                        outcomes.put(key, Outcome.failed(GoogleFailure.of(error, error.getCode())));
                    }
                });
            }
            batch.execute();
        } catch (HttpResponseException e) {
            if (!BATCH_MISSING.contains(e.getStatusCode())) {
                return allFailed(
                        chunk, GoogleFailure.classify(e.getStatusCode(), null, "batch request: " + e.getMessage()));
            }
            // an API stand-in without the batch endpoint: the same calls, one by one, from now on
            log.warn(
                    "tenant {}: the API root has no batch endpoint (HTTP {}), sending calls one by one",
                    tenant,
                    e.getStatusCode());
            withoutBatchEndpoint.add(tenant);
            return send(tenant, chunk, pending);
        } catch (IOException e) {
            return allFailed(chunk, GoogleFailure.of(e));
        }
        // a part missing from the batch response is treated like a lost response: retried
        chunk.forEach(key -> outcomes.computeIfAbsent(
                key,
                k -> Outcome.failed(new GoogleFailure(
                        GoogleFailure.Kind.UNAVAILABLE, null, null, "no answer for this call in the batch response"))));
        return outcomes;
    }

    private static <T> Outcome<T> executeOne(AbstractGoogleJsonClientRequest<T> request) {
        try {
            return Outcome.ok(request.execute());
        } catch (GoogleJsonResponseException e) {
            return Outcome.failed(GoogleFailure.of(e));
        } catch (IOException e) {
            return Outcome.failed(GoogleFailure.of(e));
        }
    }

    private static <K, T> Map<K, Outcome<T>> allFailed(List<K> keys, GoogleFailure failure) {
        Map<K, Outcome<T>> outcomes = new LinkedHashMap<>();
        keys.forEach(key -> outcomes.put(key, Outcome.failed(failure)));
        return outcomes;
    }

    /** One permit per call (a batch of n calls costs n); permits are taken one by one to stay within each period. */
    private boolean acquire(String tenant, int calls) {
        RateLimiter limiter = limiter(tenant);
        for (int i = 0; i < calls; i++) {
            if (!limiter.acquirePermission()) {
                return false;
            }
        }
        return true;
    }

    private RateLimiter limiter(String tenant) {
        return limiters.computeIfAbsent(tenant, t -> {
            double perSecond = requestsPerSecond.applyAsDouble(t);
            // below one request per second the period stretches instead (0.5/s = 1 call every 2 s)
            int limit = (int) Math.max(1, Math.floor(perSecond));
            Duration period =
                    perSecond >= 1 ? Duration.ofSeconds(1) : Duration.ofMillis((long) Math.ceil(1000 / perSecond));
            return RateLimiter.of(
                    "google-" + t,
                    RateLimiterConfig.custom()
                            .limitForPeriod(limit)
                            .limitRefreshPeriod(period)
                            .timeoutDuration(Duration.ofSeconds(60))
                            .build());
        });
    }
}
