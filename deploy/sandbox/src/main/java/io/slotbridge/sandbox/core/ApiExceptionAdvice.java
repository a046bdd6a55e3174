package io.slotbridge.sandbox.core;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Controllers throw {@link ApiException}; this writes it in the emulated API's own format. Requests Spring MVC cannot
 * read or bind (bad JSON, missing parameter, wrong method) get the same treatment instead of a Whitelabel page.
 */
@RestControllerAdvice
public class ApiExceptionAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionAdvice.class);

    private final ApiGuardFilter filter;

    public ApiExceptionAdvice(ApiGuardFilter filter) {
        this.filter = filter;
    }

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Object> apiError(ApiException e, HttpServletRequest request) {
        log.info(
                "{} {} answered {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.status(),
                ApiGuardFilter.reason(e));
        return render(e);
    }

    private ResponseEntity<Object> render(ApiException e) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::set);
        headers.setContentType(e.contentType());
        return ResponseEntity.status(e.status()).headers(headers).body(e.body());
    }

    /** Spring MVC's own request errors: unreadable bodies, type mismatches, and those implementing {@link ErrorResponse}. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unreadable(Exception e, HttpServletRequest request) throws Exception {
        int status;
        if (e instanceof ErrorResponse error) {
            status = error.getStatusCode().value();
        } else if (e instanceof HttpMessageNotReadableException || e instanceof TypeMismatchException) {
            status = 400;
        } else {
            throw e;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return filter.invalidRequest(path, status, e.getMessage())
                .map(error -> apiError(error, request))
                .orElseGet(() -> ResponseEntity.status(status)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), e.getMessage())));
    }
}
