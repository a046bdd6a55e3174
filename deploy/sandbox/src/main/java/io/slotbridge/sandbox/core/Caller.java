package io.slotbridge.sandbox.core;

/**
 * Who is calling an emulated API: the admin token {@code sandbox-admin} or a token issued by the sandbox's OAuth
 * endpoints for an account and an integration (OAuth client).
 */
public record Caller(String account, String integration, boolean admin) {

    public static final String ATTRIBUTE = Caller.class.getName();

    public static Caller adminToken() {
        return new Caller(null, TokenRegistry.ADMIN_TOKEN, true);
    }

    /** Whether this caller may act on the account (the admin token acts on every account). */
    public boolean mayAccess(String account) {
        return admin || (this.account != null && this.account.equals(account));
    }
}
