package io.slotbridge.crmconnector.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.crmconnector.app.AccountBlockedException;
import io.slotbridge.crmconnector.app.ConnectionHealth;
import io.slotbridge.crmconnector.app.CrmApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything between our code and one CRM account's API budget: a token bucket (never more than the budget in any
 * 1-second window), retries with exponential back-off and jitter for 429/5xx/timeouts (resilience4j Retry), and a
 * circuit that opens on a block (403) and lets one probe through after the configured pause (resilience4j
 * CircuitBreaker). Every attempt, retries included, takes a permit.
 */
public final class AccountGuard {

    private static final Logger log = LoggerFactory.getLogger(AccountGuard.class);

    private final String tenant;
    private final double requestsPerSecond;
    private final Bucket bucket;
    private final CircuitBreaker circuit;
    private final Retry retry;
    private final Clock clock;
    private final Duration blockedPause;
    private final AtomicReference<Instant> blockedUntil = new AtomicReference<>();
    private final MinuteCounter requests;
    private final MinuteCounter throttled;
    private final MinuteCounter blocked;

    /**
     * @param burst how many requests may start back to back; 1 spaces every request {@code 1/rps} apart, which is the
     *     only bucket shape that keeps a "per second" limit in every sliding window (a bucket of N refilled at N/s
     *     lets almost 2N through in one second)
     * @param onBlocked called when the circuit opens (alerting)
     */
    public AccountGuard(
            String tenant,
            double requestsPerSecond,
            long burst,
            double safetyMargin,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration blockedPause,
            Clock clock,
            Consumer<String> onBlocked) {
        this.tenant = tenant;
        this.requestsPerSecond = requestsPerSecond;
        this.clock = clock;
        this.blockedPause = blockedPause;
        long nanosPerPermit = (long) (1_000_000_000L / requestsPerSecond * (1 + safetyMargin));
        this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(Math.max(1, burst))
                        .refillGreedy(1, Duration.ofNanos(nanosPerPermit))
                        .build())
                .build();
        this.circuit = CircuitBreaker.of(
                "crm-" + tenant,
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(1)
                        .minimumNumberOfCalls(1)
                        .failureRateThreshold(100)
                        .recordException(e -> e instanceof ApiFailures.Blocked)
                        .waitDurationInOpenState(blockedPause)
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build());
        this.retry = Retry.of(
                "crm-" + tenant,
                RetryConfig.custom()
                        .maxAttempts(maxAttempts)
                        .intervalFunction(
                                IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0, 0.5, maxBackoff))
                        .retryOnException(
                                e -> e instanceof ApiFailures.Throttled || e instanceof ApiFailures.Unavailable)
                        .failAfterMaxAttempts(false)
                        .build());
        this.requests = new MinuteCounter(clock);
        this.throttled = new MinuteCounter(clock);
        this.blocked = new MinuteCounter(clock);
        circuit.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State to = event.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN) {
                Instant until = clock.instant().plus(blockedPause);
                blockedUntil.set(until);
                log.error("CRM account of tenant {} is blocked (403); pausing all calls until {}", tenant, until);
                onBlocked.accept(tenant);
            } else if (to == CircuitBreaker.State.CLOSED) {
                blockedUntil.set(null);
                log.info("CRM account of tenant {} answers again; circuit closed", tenant);
            }
        });
        retry.getEventPublisher()
                .onRetry(event -> log.warn(
                        "tenant {}: CRM call failed ({}), attempt {} of {}, next in {} ms",
                        tenant,
                        event.getLastThrowable() == null
                                ? "?"
                                : event.getLastThrowable().getMessage(),
                        event.getNumberOfRetryAttempts(),
                        maxAttempts,
                        event.getWaitInterval().toMillis()));
    }

    /**
     * A tenant's guard with the service's retry, safety margin and block pause; a block publishes {@link
     * io.slotbridge.crmconnector.app.AccountBlocked} through {@code onBlocked}.
     */
    public static AccountGuard forTenant(
            String tenant,
            double requestsPerSecond,
            long burst,
            io.slotbridge.crmconnector.config.CrmConnectorProperties properties,
            Clock clock,
            Consumer<String> onBlocked) {
        return new AccountGuard(
                tenant,
                requestsPerSecond,
                burst,
                properties.rateSafetyMargin(),
                properties.retry().maxAttempts(),
                properties.retry().initialBackoff(),
                properties.retry().maxBackoff(),
                properties.blockedPause(),
                clock,
                onBlocked);
    }

    /** Runs one logical call: permits, retries, circuit. {@code attempt} performs a single HTTP exchange. */
    public <T> T call(Supplier<T> attempt) {
        Supplier<T> guarded = () -> {
            try {
                return circuit.executeSupplier(() -> {
                    acquirePermit();
                    requests.increment();
                    try {
                        return attempt.get();
                    } catch (ApiFailures.Throttled e) {
                        throttled.increment();
                        throw e;
                    } catch (ApiFailures.Blocked e) {
                        blocked.increment();
                        throw e;
                    }
                });
            } catch (CallNotPermittedException e) {
                throw blockedNow();
            }
        };
        try {
            return Retry.decorateSupplier(retry, guarded).get();
        } catch (ApiFailures.Blocked blockedNow) {
            // the circuit opened on this 403: callers wait for the pause instead of failing their work
            throw blockedNow();
        }
    }

    /** Fails fast while the circuit is open (callers defer their work instead of piling up calls). */
    public void checkNotBlocked() {
        if (circuit.getState() == CircuitBreaker.State.OPEN || circuit.getState() == CircuitBreaker.State.FORCED_OPEN) {
            throw blockedNow();
        }
    }

    private AccountBlockedException blockedNow() {
        Instant until = blockedUntil.get();
        Instant retryAt = until == null ? clock.instant().plusSeconds(1) : until;
        return new AccountBlockedException(
                "the CRM blocked the account of tenant " + tenant + " (HTTP 403); calls resume after " + retryAt,
                retryAt);
    }

    private void acquirePermit() {
        try {
            bucket.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmApiException(RejectionCode.UNAVAILABLE, "interrupted while waiting for a permit", true, null);
        }
    }

    /**
     * The connection's health as the guard sees it, combined with the adapter's credential problem.
     *
     * @param credentialProblem needs-reauth, not-connected, or null when the credentials are usable
     */
    public ConnectionHealth health(String credentialProblem, Instant tokenExpiresAt) {
        String status;
        if (blockedUntil() != null || circuitState().equals("OPEN")) {
            status = "blocked";
        } else if (credentialProblem != null) {
            status = credentialProblem;
        } else if (throttledLastMinute() > 0) {
            status = "rate-limited";
        } else {
            status = "ok";
        }
        return new ConnectionHealth(
                status,
                tokenExpiresAt,
                requestsPerSecond,
                requestsLastMinute(),
                throttledLastMinute(),
                blockedLastMinute(),
                circuitState(),
                availablePermits(),
                blockedUntil());
    }

    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    public String circuitState() {
        return circuit.getState().name();
    }

    public Instant blockedUntil() {
        return blockedUntil.get();
    }

    public long availablePermits() {
        return bucket.getAvailableTokens();
    }

    public long requestsLastMinute() {
        return requests.lastMinute();
    }

    public long throttledLastMinute() {
        return throttled.lastMinute();
    }

    public long blockedLastMinute() {
        return blocked.lastMinute();
    }

    public Duration blockedPause() {
        return blockedPause;
    }
}
