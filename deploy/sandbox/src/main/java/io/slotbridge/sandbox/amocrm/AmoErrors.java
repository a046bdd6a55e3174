package io.slotbridge.sandbox.amocrm;

import io.slotbridge.sandbox.core.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;

/** amoCRM's error answers: application/problem+json, and nginx's HTML page for a blocked account. */
final class AmoErrors {

    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    /** What nginx in front of amoCRM answers once an account is blocked for rate abuse (not JSON). */
    static final String NGINX_403 = "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n"
            + "<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private AmoErrors() {}

    static ApiException problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("type", "https://httpstatus.es/" + status);
        body.put("status", status);
        body.put("detail", detail);
        return new ApiException(status, PROBLEM, body);
    }

    static ApiException unauthorized() {
        return problem(401, "Unauthorized", "Неверный логин или пароль");
    }

    static ApiException notFound(String detail) {
        return problem(404, "Not Found", detail);
    }

    static ApiException tooManyRequests() {
        return problem(429, "Too Many Requests", "Too many requests, 7 requests per second allowed");
    }

    static ApiException blocked() {
        return new ApiException(403, MediaType.TEXT_HTML, NGINX_403);
    }

    /** One validation error of one entity of a (batch) request. */
    record Violation(int requestIndex, String code, String path, String detail) {}

    static ApiException validation(List<Violation> violations) {
        Map<String, List<Map<String, String>>> byRequest = new LinkedHashMap<>();
        for (Violation v : violations) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("code", v.code());
            error.put("path", v.path());
            error.put("detail", v.detail());
            byRequest
                    .computeIfAbsent(String.valueOf(v.requestIndex()), k -> new java.util.ArrayList<>())
                    .add(error);
        }
        List<Map<String, Object>> validationErrors = new java.util.ArrayList<>();
        byRequest.forEach((requestId, errors) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("request_id", requestId);
            entry.put("errors", errors);
            validationErrors.add(entry);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("validation-errors", validationErrors);
        body.put("title", "Bad Request");
        body.put("type", "https://httpstatus.es/400");
        body.put("status", 400);
        body.put("detail", "Request validation failed");
        return new ApiException(400, PROBLEM, body);
    }

    static ApiException invalid(int requestIndex, String code, String path, String detail) {
        return validation(List.of(new Violation(requestIndex, code, path, detail)));
    }

    /** OAuth errors use amoCRM's OAuthProblemJson type. */
    static ApiException oauth(int status, String hint, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hint", hint);
        body.put("title", "Некорректный запрос");
        body.put("type", "https://developers.amocrm.ru/v3/errors/OAuthProblemJson");
        body.put("status", status);
        body.put("detail", detail);
        return new ApiException(status, PROBLEM, body);
    }
}
