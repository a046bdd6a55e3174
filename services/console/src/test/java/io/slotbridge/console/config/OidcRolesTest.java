package io.slotbridge.console.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class OidcRolesTest {

    private final OidcRoles roles = new OidcRoles(
            new ConsoleProperties.Oidc("groups", List.of("slotbridge-operators"), List.of("slotbridge-viewers")));

    @Test
    void groups_claim_values_grant_console_roles_and_nothing_is_assumed() {
        assertThat(map(List.of("staff", "slotbridge-operators")))
                .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR");
        assertThat(map(List.of("slotbridge-viewers"))).containsExactly("ROLE_VIEWER");
        assertThat(map(List.of("staff"))).isEmpty();
    }

    private List<String> map(List<String> groups) {
        OidcIdToken token = new OidcIdToken(
                "token", Instant.now(), Instant.now().plusSeconds(60), Map.of("sub", "u1", "groups", groups));
        return roles.mapAuthorities(List.of(new OidcUserAuthority(token))).stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }
}
