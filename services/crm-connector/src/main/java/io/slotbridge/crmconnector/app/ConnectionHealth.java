package io.slotbridge.crmconnector.app;

import java.time.Instant;

/**
 * How an account's connection is doing right now.
 *
 * @param status ok, rate-limited, blocked, needs-reauth, not-connected (as ConnectionStatusReported names them)
 * @param circuit CLOSED, OPEN, HALF_OPEN
 * @param availablePermits requests that could start right now without waiting
 */
public record ConnectionHealth(
        String status,
        Instant tokenExpiresAt,
        double requestsPerSecondLimit,
        long requestsLastMinute,
        long throttledLastMinute,
        long blockedLastMinute,
        String circuit,
        long availablePermits,
        Instant blockedUntil) {}
