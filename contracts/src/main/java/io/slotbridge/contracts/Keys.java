package io.slotbridge.contracts;

import java.util.Objects;

/**
 * Kafka key formats. Lead-scoped records use {@code {tenant}:{leadId}} so one partition sees every change of a lead
 * in order; CRM commands use {@code {tenant}} so one consumer owns an account's rate limit.
 */
public final class Keys {

    public static final char SEPARATOR = ':';

    private Keys() {}

    public static String lead(String tenant, String leadId) {
        return requireTenant(tenant) + SEPARATOR + Objects.requireNonNull(leadId, "leadId");
    }

    public static String tenant(String tenant) {
        return requireTenant(tenant);
    }

    public static String scoped(String tenant, String part) {
        return requireTenant(tenant) + SEPARATOR + Objects.requireNonNull(part, "part");
    }

    /** The tenant part of any key produced by this class. */
    public static String tenantOf(String key) {
        Objects.requireNonNull(key, "key");
        int at = key.indexOf(SEPARATOR);
        return at < 0 ? key : key.substring(0, at);
    }

    private static String requireTenant(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (tenant.isEmpty() || tenant.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException(
                    "tenant id must be non-empty and contain no ':' but was '" + tenant + "'");
        }
        return tenant;
    }
}
