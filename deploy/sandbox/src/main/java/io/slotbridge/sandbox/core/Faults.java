package io.slotbridge.sandbox.core;

/**
 * Fault injection for one emulated API. Everything zero/null means "behave like the real service".
 *
 * @param rateLimitPerSecond overrides the API's own request rate limit (null = the real limit; Google has none)
 * @param burst overrides the bucket size (null = the real one)
 * @param errorRatio share of requests (0..1) answered with {@code errorStatus} in the API's own error shape
 * @param errorStatus the HTTP status of injected errors (e.g. 500, 503, 429, 403)
 * @param latencyMillis added before every request is handled
 * @param droppedWebhookRatio share (0..1) of outgoing webhooks / push notifications silently not sent
 */
public record Faults(
        Double rateLimitPerSecond,
        Integer burst,
        double errorRatio,
        int errorStatus,
        long latencyMillis,
        double droppedWebhookRatio) {

    public static final Faults NONE = new Faults(null, null, 0, 500, 0, 0);

    public Faults {
        requireRatio("errorRatio", errorRatio);
        requireRatio("droppedWebhookRatio", droppedWebhookRatio);
        if (errorStatus < 400 || errorStatus > 599) {
            throw new IllegalArgumentException("errorStatus must be a 4xx or 5xx status, was " + errorStatus);
        }
        if (latencyMillis < 0 || latencyMillis > 60_000) {
            throw new IllegalArgumentException("latencyMillis must be within 0..60000, was " + latencyMillis);
        }
        if (rateLimitPerSecond != null && rateLimitPerSecond <= 0) {
            throw new IllegalArgumentException("rateLimitPerSecond must be positive, was " + rateLimitPerSecond);
        }
        if (burst != null && burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
    }

    private static void requireRatio(String name, double value) {
        if (value < 0 || value > 1 || Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must be within 0..1, was " + value);
        }
    }
}
