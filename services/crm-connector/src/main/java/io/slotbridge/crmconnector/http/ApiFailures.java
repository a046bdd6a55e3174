package io.slotbridge.crmconnector.http;

import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.crmconnector.app.CrmApiException;

/** The failures {@link AccountGuard} treats specially: throttling and outages are retried, a block opens the circuit. */
public final class ApiFailures {

    private ApiFailures() {}

    /** 429 (or Bitrix24's QUERY_LIMIT_EXCEEDED): back off and retry. */
    public static final class Throttled extends CrmApiException {
        public Throttled(String reason, Integer status) {
            super(RejectionCode.RATE_LIMITED, reason, true, status);
        }
    }

    /** 5xx, timeouts, connection errors: retry with exponential back-off and jitter. */
    public static final class Unavailable extends CrmApiException {
        public Unavailable(String reason, Integer status) {
            super(RejectionCode.UNAVAILABLE, reason, true, status);
        }
    }

    /** The account is blocked (amoCRM 403 after rate abuse): open the circuit, alert, pause. */
    public static final class Blocked extends CrmApiException {
        public Blocked(String reason, Integer status) {
            super(RejectionCode.RATE_LIMITED, reason, true, status);
        }
    }
}
