package io.slotbridge.crmconnector.web;

import io.slotbridge.platform.admin.AdminAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/** {@code /admin/**} needs {@code Authorization: Bearer <SLOTBRIDGE_ADMIN_TOKEN>}; anything else gets a 401 problem. */
public class AdminAuthInterceptor implements HandlerInterceptor {

    private final ObjectProvider<AdminAccess> access;

    public AdminAuthInterceptor(ObjectProvider<AdminAccess> access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (access.getObject().isAdmin(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            return true;
        }
        response.setStatus(401);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"admin calls need Authorization: Bearer <SLOTBRIDGE_ADMIN_TOKEN>\"}");
        return false;
    }
}
