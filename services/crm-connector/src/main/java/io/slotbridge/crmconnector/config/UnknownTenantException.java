package io.slotbridge.crmconnector.config;

/** A tenant id that is not in the tenants file (or whose CRM has no adapter here). */
public class UnknownTenantException extends RuntimeException {

    private final String tenant;

    public UnknownTenantException(String tenant) {
        super("unknown tenant '" + tenant + "'");
        this.tenant = tenant;
    }

    public String tenant() {
        return tenant;
    }
}
