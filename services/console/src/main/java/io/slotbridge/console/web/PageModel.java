package io.slotbridge.console.web;

import io.slotbridge.console.config.ConsoleProperties;
import io.slotbridge.console.config.ConsoleRole;
import io.slotbridge.console.tenant.Tenants;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** What every page shows in its header: the tenants, the chosen one, who is signed in and what they may do. */
@ControllerAdvice
public class PageModel {

    private final Tenants tenants;
    private final ConsoleProperties properties;

    public PageModel(Tenants tenants, ConsoleProperties properties) {
        this.tenants = tenants;
        this.properties = properties;
    }

    @ModelAttribute("tenants")
    public List<String> tenants() {
        return tenants.ids();
    }

    /** The tenant chosen with {@code ?tenant=}, or the first one. */
    @ModelAttribute("tenant")
    public String tenant(@RequestParam(name = "tenant", required = false) String tenant) {
        return tenant == null || tenant.isBlank() ? tenants.defaultTenant() : tenant.strip();
    }

    @ModelAttribute("tenantName")
    public String tenantName(@RequestParam(name = "tenant", required = false) String tenant) {
        return tenants.displayName(tenant(tenant));
    }

    @ModelAttribute("user")
    public String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("operator")
    public boolean operator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> ConsoleRole.OPERATOR_AUTHORITY.equals(a.getAuthority()));
    }

    @ModelAttribute("refreshSeconds")
    public long refreshSeconds() {
        return Math.max(1, properties.refreshInterval().toSeconds());
    }
}
