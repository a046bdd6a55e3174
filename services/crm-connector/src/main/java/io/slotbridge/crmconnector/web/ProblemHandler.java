package io.slotbridge.crmconnector.web;

import io.slotbridge.crmconnector.app.AccountBlockedException;
import io.slotbridge.crmconnector.app.CrmApiException;
import io.slotbridge.crmconnector.app.NotConnectedException;
import io.slotbridge.crmconnector.config.UnknownTenantException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the admin and connect endpoints as {@code application/problem+json}, each with a reason to act on. */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(UnknownTenantException.class)
    public ProblemDetail unknownTenant(UnknownTenantException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown tenant", e.getMessage());
    }

    @ExceptionHandler(NotConnectedException.class)
    public ProblemDetail notConnected(NotConnectedException e) {
        return problem(HttpStatus.CONFLICT, "CRM account not connected", e.getMessage());
    }

    @ExceptionHandler(AccountBlockedException.class)
    public ProblemDetail blocked(AccountBlockedException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "CRM account blocked", e.getMessage());
    }

    @ExceptionHandler(CrmApiException.class)
    public ProblemDetail crmFailed(CrmApiException e) {
        log.warn("admin call failed at the CRM: {}", e.reason());
        ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, "The CRM refused the call", e.reason());
        problem.setProperty("code", e.code().name());
        if (e.httpStatus() != null) {
            problem.setProperty("crmStatus", e.httpStatus());
        }
        return problem;
    }

    @ExceptionHandler(IllegalStateException.class)
    public ProblemDetail misconfigured(IllegalStateException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Configuration problem", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
