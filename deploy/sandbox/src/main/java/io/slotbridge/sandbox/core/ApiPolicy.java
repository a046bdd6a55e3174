package io.slotbridge.sandbox.core;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How one emulated API admits a request before its controller runs: authentication and rate limits in the order
 * and shape the real service uses, and its error format for injected faults.
 */
public interface ApiPolicy {

    Api api();

    /** Paths that skip authentication, rate limits and injected errors (OAuth token endpoints, consent pages). */
    boolean isOpen(String path);

    /**
     * Admits the request or throws an {@link ApiException} in the API's own format.
     *
     * @return the caller (for APIs that authenticate inside the controller, an anonymous placeholder)
     */
    Caller admit(HttpServletRequest request, String path, Faults faults);

    /** The answer for an injected error with this status. */
    ApiException injectedError(int status);

    /** The answer to a request that could not be read or bound (bad JSON, missing parameter, wrong method). */
    ApiException invalidRequest(int status, String message);
}
