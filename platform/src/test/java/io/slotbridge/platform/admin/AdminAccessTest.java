package io.slotbridge.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotbridge.platform.time.AdjustableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    private final AdjustableClock clock = AdjustableClock.system();
    private final AdminAccess access = new AdminAccess("an-admin-token-of-some-length", clock);

    @Test
    void bearer_token_must_match_exactly() {
        assertThat(access.isAdmin("Bearer an-admin-token-of-some-length")).isTrue();
        assertThat(access.isAdmin("Bearer an-admin-token-of-some-lengtH")).isFalse();
        assertThat(access.isAdmin("an-admin-token-of-some-length")).isFalse();
        assertThat(access.isAdmin(null)).isFalse();
    }

    @Test
    void tickets_are_bound_to_purpose_and_tenant_and_expire() {
        String ticket = access.issueTicket("connect-amocrm", "demo", Duration.ofMinutes(10));

        assertThat(access.verifyTicket("connect-amocrm", "demo", ticket)).isTrue();
        assertThat(access.verifyTicket("connect-google", "demo", ticket)).isFalse();
        assertThat(access.verifyTicket("connect-amocrm", "other", ticket)).isFalse();
        assertThat(access.verifyTicket("connect-amocrm", "demo", "123.forged")).isFalse();
        clock.advance(Duration.ofMinutes(11));
        assertThat(access.verifyTicket("connect-amocrm", "demo", ticket)).isFalse();
    }

    @Test
    void a_missing_or_short_token_is_a_startup_error() {
        assertThatThrownBy(() -> new AdminAccess(null, clock)).hasMessageContaining("SLOTBRIDGE_ADMIN_TOKEN");
        assertThatThrownBy(() -> new AdminAccess("short", clock)).hasMessageContaining("16 characters");
    }
}
