package io.slotbridge.gateway.ingest.domain;

import io.slotbridge.platform.crypto.Secrets;

/** Checks a secret URL segment in constant time, spending the same work when the tenant has no secret at all. */
public final class PathSecrets {

    /** Compared against when there is nothing to compare with, so unknown tenants cost as much as wrong secrets. */
    private static final String DECOY = "no-secret-configured-for-this-tenant";

    private PathSecrets() {}

    public static boolean matches(String expected, String presented) {
        boolean configured = expected != null && !expected.isBlank();
        boolean equal = Secrets.constantTimeEquals(configured ? expected : DECOY, presented == null ? "" : presented);
        return configured && equal;
    }
}
