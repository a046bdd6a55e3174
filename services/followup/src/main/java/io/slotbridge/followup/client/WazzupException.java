package io.slotbridge.followup.client;

/** A Wazzup call other than sending failed; the message carries Wazzup's code and description when it gave one. */
public class WazzupException extends RuntimeException {

    private final int httpStatus;
    private final String code;

    public WazzupException(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public WazzupException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.code = null;
    }

    /** 0 when no HTTP answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }
}
