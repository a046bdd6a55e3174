package io.slotbridge.calendarconnector.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.platform.admin.AdminAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;

/** {@code /admin/**} needs {@code Authorization: Bearer $SLOTBRIDGE_ADMIN_TOKEN} (platform {@link AdminAccess}). */
public class AdminAuthInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AdminAuthInterceptor.class);

    private final ObjectProvider<AdminAccess> adminAccess;
    private final ObjectMapper json;

    public AdminAuthInterceptor(ObjectProvider<AdminAccess> adminAccess, ObjectMapper json) {
        this.adminAccess = adminAccess;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        AdminAccess access;
        try {
            access = adminAccess.getObject();
        } catch (BeansException e) {
            log.warn("admin API called but no admin token is configured (SLOTBRIDGE_ADMIN_TOKEN)");
            return refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "the admin API is disabled: no admin token set");
        }
        if (access.isAdmin(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            return true;
        }
        log.info("admin API call to {} without a valid admin token refused", request.getRequestURI());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return refuse(response, HttpStatus.UNAUTHORIZED, "a valid admin bearer token is required");
    }

    private boolean refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
        return false;
    }
}
