package io.slotbridge.console.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The name the audit log records for whoever is signed in. */
public final class Actors {

    private Actors() {}

    public static String of(Authentication authentication) {
        if (authentication == null) {
            return "anonymous";
        }
        if (authentication.getPrincipal() instanceof OidcUser oidc) {
            if (oidc.getPreferredUsername() != null) {
                return oidc.getPreferredUsername();
            }
            if (oidc.getEmail() != null) {
                return oidc.getEmail();
            }
        }
        return authentication.getName();
    }
}
