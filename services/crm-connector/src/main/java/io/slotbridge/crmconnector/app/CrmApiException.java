package io.slotbridge.crmconnector.app;

import io.slotbridge.contracts.RejectionCode;

/** A CRM call that failed, with a reason a person can act on (never containing a token). */
public class CrmApiException extends RuntimeException {

    private final RejectionCode code;
    private final boolean retryable;
    private final Integer httpStatus;

    public CrmApiException(RejectionCode code, String reason, boolean retryable, Integer httpStatus) {
        super(reason);
        this.code = code;
        this.retryable = retryable;
        this.httpStatus = httpStatus;
    }

    public RejectionCode code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }

    public boolean retryable() {
        return retryable;
    }

    public Integer httpStatus() {
        return httpStatus;
    }
}
