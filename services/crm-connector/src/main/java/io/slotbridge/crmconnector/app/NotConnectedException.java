package io.slotbridge.crmconnector.app;

import io.slotbridge.contracts.RejectionCode;

/** The tenant has no usable credentials yet (OAuth not completed) or needs to re-authorise. */
public class NotConnectedException extends CrmApiException {

    public NotConnectedException(String reason) {
        super(RejectionCode.FORBIDDEN, reason, false, null);
    }
}
