package io.slotbridge.console.config;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * Maps an OIDC user's groups claim to console roles. A user in neither list signs in but sees nothing: access is
 * granted, never assumed.
 */
final class OidcRoles implements GrantedAuthoritiesMapper {

    private final ConsoleProperties.Oidc settings;

    OidcRoles(ConsoleProperties.Oidc settings) {
        this.settings = settings;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<String> groups = new HashSet<>();
        for (GrantedAuthority authority : authorities) {
            Object claim = null;
            if (authority instanceof OidcUserAuthority oidc) {
                claim = oidc.getIdToken().getClaims().get(settings.rolesClaim());
                if (claim == null && oidc.getUserInfo() != null) {
                    claim = oidc.getUserInfo().getClaims().get(settings.rolesClaim());
                }
            } else if (authority instanceof OAuth2UserAuthority oauth) {
                claim = oauth.getAttributes().get(settings.rolesClaim());
            }
            if (claim instanceof Collection<?> values) {
                values.forEach(v -> groups.add(String.valueOf(v)));
            } else if (claim != null) {
                groups.addAll(List.of(String.valueOf(claim).split("[,\\s]+")));
            }
        }
        Set<GrantedAuthority> mapped = new LinkedHashSet<>();
        if (groups.stream().anyMatch(settings.operatorValues()::contains)) {
            mapped.addAll(ConsoleRole.OPERATOR.authorities());
        } else if (groups.stream().anyMatch(settings.viewerValues()::contains)) {
            mapped.addAll(ConsoleRole.VIEWER.authorities());
        }
        return mapped;
    }
}
