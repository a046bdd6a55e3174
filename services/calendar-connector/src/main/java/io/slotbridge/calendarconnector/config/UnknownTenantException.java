package io.slotbridge.calendarconnector.config;

/** A tenant id that is not in the tenants file, or whose calendar is not a Google calendar. */
public class UnknownTenantException extends RuntimeException {

    private final String tenant;

    public UnknownTenantException(String tenant) {
        super("unknown tenant '" + tenant + "' (not in the tenants file, or its calendar is not Google)");
        this.tenant = tenant;
    }

    public String tenant() {
        return tenant;
    }
}
