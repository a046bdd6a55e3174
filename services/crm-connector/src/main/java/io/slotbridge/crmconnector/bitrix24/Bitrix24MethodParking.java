package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.crmconnector.app.CrmApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bitrix24's operating-time limit for one portal: each method has its own budget of execution time over ten one-minute
 * buckets, and a method over it answers 429 {@code OPERATION_TIME_LIMIT} while every other method keeps working. So
 * only that method is parked: until the {@code time.operating_reset_at} of its last successful answer (when the oldest
 * bucket leaves the sum), or for {@code defaultPark} when that moment is unknown or already past (the docs: "if the
 * error repeats, wait for the next bucket reset"). A parked method is not called at all until then.
 */
final class Bitrix24MethodParking {

    private static final Logger log = LoggerFactory.getLogger(Bitrix24MethodParking.class);

    private final String tenant;
    private final Duration defaultPark;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Instant> resetAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> parkedUntil = new ConcurrentHashMap<>();

    Bitrix24MethodParking(String tenant, Duration defaultPark, Clock clock, MeterRegistry meters) {
        this.tenant = tenant;
        this.defaultPark = defaultPark;
        this.clock = clock;
        this.meters = meters;
    }

    /** Remembers when the method's oldest bucket resets, from the {@code time} block of a successful answer. */
    void observe(String method, JsonNode time) {
        JsonNode reset = time == null ? null : time.get("operating_reset_at");
        if (reset != null && reset.canConvertToLong() && reset.asLong() > 0) {
            resetAt.put(key(method), Instant.ofEpochSecond(reset.asLong()));
        }
    }

    /** The refusal a call of the method gets without asking the portal, while it is parked. */
    Optional<Bitrix24Errors.MethodParked> refusal(String method) {
        Instant until = parkedUntil.get(key(method));
        if (until == null || !until.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Bitrix24Errors.MethodParked(method, until));
    }

    /** A failure of the method as its callers get it: an operating-time refusal parks the method. */
    CrmApiException judge(String method, CrmApiException failure) {
        return failure instanceof Bitrix24Errors.OperatingTimeLimit ? park(method, failure.reason()) : failure;
    }

    /** The method was refused for its operating time: parks it and returns the failure its callers get. */
    Bitrix24Errors.MethodParked park(String method, String reason) {
        Instant now = clock.instant();
        Instant reset = resetAt.get(key(method));
        Instant until = reset != null && reset.isAfter(now) ? reset : now.plus(defaultPark);
        Instant before = parkedUntil.put(key(method), until);
        if (before == null || !before.isAfter(now)) {
            meters.counter("slotbridge.crm.bitrix24.method.parked", "tenant", tenant, "method", key(method))
                    .increment();
            log.warn(
                    "tenant {}: Bitrix24 method {} used up its operating time ({}); parked until {}, other methods"
                            + " continue",
                    tenant,
                    method,
                    reason,
                    until);
        }
        return new Bitrix24Errors.MethodParked(method, until);
    }

    private static String key(String method) {
        return method.toLowerCase(Locale.ROOT);
    }
}
