package io.slotbridge.calendarconnector.web;

import io.slotbridge.calendarconnector.config.UnknownTenantException;
import io.slotbridge.calendarconnector.google.GoogleFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the admin and connect endpoints as {@code application/problem+json}. */
@RestControllerAdvice
public class AdminProblems {

    private static final Logger log = LoggerFactory.getLogger(AdminProblems.class);

    /** A request we refuse with a status and a sentence. */
    public static class Rejected extends RuntimeException {

        private final HttpStatus status;

        public Rejected(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    @ExceptionHandler(UnknownTenantException.class)
    ResponseEntity<ProblemDetail> unknownTenant(UnknownTenantException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Rejected.class)
    ResponseEntity<ProblemDetail> rejected(Rejected e) {
        return problem(e.status, e.getMessage());
    }

    @ExceptionHandler(GoogleFailure.class)
    ResponseEntity<ProblemDetail> google(GoogleFailure e) {
        log.warn("admin request failed at Google: {}", e.getMessage());
        return problem(HttpStatus.BAD_GATEWAY, "Google Calendar answered: " + e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> misconfigured(IllegalStateException e) {
        log.warn("admin request failed: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }
}
