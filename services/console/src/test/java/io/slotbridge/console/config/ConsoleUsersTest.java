package io.slotbridge.console.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class ConsoleUsersTest {

    private static final String HASH = "$2a$04$LQ1DONiPxsNtA1LiFfMpyuqtU9JLlvJwuGtAKgasNdDEf4ef1y7m.";

    @Test
    void bcrypt_hashes_with_or_without_prefix_become_users_with_their_roles() {
        InMemoryUserDetailsManager users = ConsoleUsers.from(List.of(
                new ConsoleProperties.User("ann", HASH, ConsoleRole.VIEWER),
                new ConsoleProperties.User("bob", "{bcrypt}" + HASH, ConsoleRole.OPERATOR)));

        assertThat(users.loadUserByUsername("ann").getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_VIEWER");
        assertThat(users.loadUserByUsername("bob").getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR");
        DelegatingPasswordEncoder encoder =
                new DelegatingPasswordEncoder("bcrypt", java.util.Map.of("bcrypt", new BCryptPasswordEncoder()));
        assertThat(encoder.matches(
                        "viewer-password-1", users.loadUserByUsername("ann").getPassword()))
                .isTrue();
        assertThat(encoder.matches("wrong", users.loadUserByUsername("ann").getPassword()))
                .isFalse();
    }

    @Test
    void a_plain_or_noop_password_stops_the_console_with_advice() {
        for (String notAHash : List.of("operator-password-1", "{noop}operator-password-1", "{sha256}abc")) {
            assertThatThrownBy(() -> ConsoleUsers.from(
                            List.of(new ConsoleProperties.User("eve", notAHash, ConsoleRole.OPERATOR))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("slotbridge.console.users[0] (eve)")
                    .hasMessageContaining("must be a bcrypt hash")
                    .hasMessageNotContaining("operator-password-1");
        }
    }

    @Test
    void a_user_listed_twice_is_refused() {
        assertThatThrownBy(() -> ConsoleUsers.from(List.of(
                        new ConsoleProperties.User("ann", HASH, ConsoleRole.VIEWER),
                        new ConsoleProperties.User("ann", HASH, ConsoleRole.OPERATOR))))
                .hasMessageContaining("listed twice");
    }
}
