package io.slotbridge.sandbox.core;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Controllers throw {@link ApiException}; this writes it in the emulated API's own format. */
@RestControllerAdvice
public class ApiExceptionAdvice {

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Object> apiError(ApiException e) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::set);
        headers.setContentType(e.contentType());
        return ResponseEntity.status(e.status()).headers(headers).body(e.body());
    }
}
