package io.slotbridge.contracts;

/** Why a command could not be applied, shared by CRM and calendar results. */
public enum RejectionCode {
    /** The target changed meanwhile (e.g. Google 412); the executor re-read it and published a fresh snapshot. */
    CONFLICT,
    /** The lead, slot or a named stage/field/reason does not exist. */
    NOT_FOUND,
    /** The command or the resulting request was invalid (400, validation errors). */
    INVALID,
    /** Credentials or permissions are missing (401 after refresh, 403 scope). */
    FORBIDDEN,
    /** The account is blocked or rate limited past the retry budget. */
    RATE_LIMITED,
    /** The API was unavailable past the retry budget. */
    UNAVAILABLE,
    UNKNOWN
}
