package io.slotbridge.followup.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** application/problem+json answers of the admin API. */
final class Problems {

    private Problems() {}

    static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static ErrorResponseException unknownTenant(String tenant) {
        return of(HttpStatus.NOT_FOUND, "no tenant '" + tenant + "' in slotbridge.tenants");
    }
}
