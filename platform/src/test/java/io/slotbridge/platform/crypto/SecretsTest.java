package io.slotbridge.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void constant_time_equals_compares_content() {
        assertThat(Secrets.constantTimeEquals("demo-secret", "demo-secret")).isTrue();
        assertThat(Secrets.constantTimeEquals("demo-secret", "demo-secreT")).isFalse();
        assertThat(Secrets.constantTimeEquals("demo-secret", "demo")).isFalse();
        assertThat(Secrets.constantTimeEquals("demo-secret", "demo-secret-and-more"))
                .isFalse();
        assertThat(Secrets.constantTimeEquals("demo-secret", "")).isFalse();
        assertThat(Secrets.constantTimeEquals("dëmo-secret", "dëmo-secret")).isTrue();
        assertThat(Secrets.constantTimeEquals("demo-secret", null)).isFalse();
        assertThat(Secrets.constantTimeEquals(null, null)).isFalse();
    }

    @Test
    void mask_never_shows_more_than_two_characters() {
        assertThat(Secrets.mask("demo-secret-value")).isEqualTo("de***");
        assertThat(Secrets.mask("short")).isEqualTo("***");
        assertThat(Secrets.mask(null)).isEqualTo("<empty>");
    }

    @Test
    void channel_tokens_verify_only_for_their_tenant_and_channel() {
        String token = ChannelTokens.tokenFor("push-secret", "demo", "channel-1");

        assertThat(ChannelTokens.verify("push-secret", "demo", "channel-1", token))
                .isTrue();
        assertThat(ChannelTokens.verify("push-secret", "demo", "channel-2", token))
                .isFalse();
        assertThat(ChannelTokens.verify("push-secret", "other", "channel-1", token))
                .isFalse();
        assertThat(ChannelTokens.verify("other-secret", "demo", "channel-1", token))
                .isFalse();
        assertThat(ChannelTokens.verify("push-secret", "demo", "channel-1", null))
                .isFalse();
    }
}
