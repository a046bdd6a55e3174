package io.slotbridge.crmconnector.app;

import io.slotbridge.contracts.RejectionCode;
import java.time.Instant;

/**
 * The CRM blocked the account (amoCRM answers 403 to everything after repeated 429s) and our circuit is open: calls
 * wait until {@link #retryAt()} instead of making the block worse.
 */
public class AccountBlockedException extends CrmApiException {

    private final Instant retryAt;

    public AccountBlockedException(String reason, Instant retryAt) {
        super(RejectionCode.RATE_LIMITED, reason, true, 403);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }

    /**
     * Whether every call of the account waits (true: calling anything would make the block worse), or only calls of
     * one method (a Bitrix24 method parked on its operating-time limit), so that work for other methods may go on.
     */
    public boolean wholeAccount() {
        return true;
    }
}
