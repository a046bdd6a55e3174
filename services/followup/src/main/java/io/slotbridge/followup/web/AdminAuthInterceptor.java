package io.slotbridge.followup.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.platform.admin.AdminAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** {@code /admin/**} needs {@code Authorization: Bearer $SLOTBRIDGE_ADMIN_TOKEN} (compared in constant time). */
@Component
public class AdminAuthInterceptor implements HandlerInterceptor {

    private final ObjectProvider<AdminAccess> access;
    private final ObjectMapper json;

    public AdminAuthInterceptor(ObjectProvider<AdminAccess> access, ObjectMapper json) {
        this.access = access;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws java.io.IOException {
        if (access.getObject().isAdmin(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            return true;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        json.writeValue(
                response.getOutputStream(),
                Map.of(
                        "type", "about:blank",
                        "title", "Unauthorized",
                        "status", 401,
                        "detail", "admin API calls need Authorization: Bearer <SLOTBRIDGE_ADMIN_TOKEN>"));
        return false;
    }
}
