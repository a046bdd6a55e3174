package io.slotbridge.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final String k1 = SecretBox.generateKeyEntry("k1");
    private final String k2 = SecretBox.generateKeyEntry("k2");

    @Test
    void round_trips_and_never_contains_the_plaintext() {
        SecretBox box = SecretBox.fromKeyRing(List.of(k1));

        String sealed = box.encrypt("def50200-refresh-token", "amocrm:demo:refresh");

        assertThat(sealed).startsWith("sb1:k1:").doesNotContain("def50200");
        assertThat(box.decrypt(sealed, "amocrm:demo:refresh")).isEqualTo("def50200-refresh-token");
    }

    @Test
    void the_same_secret_encrypts_differently_each_time() {
        SecretBox box = SecretBox.fromKeyRing(List.of(k1));

        assertThat(box.encrypt("x", "a")).isNotEqualTo(box.encrypt("x", "a"));
    }

    @Test
    void a_ciphertext_moved_to_another_row_does_not_decrypt() {
        SecretBox box = SecretBox.fromKeyRing(List.of(k1));
        String sealed = box.encrypt("token", "amocrm:demo:access");

        assertThatThrownBy(() -> box.decrypt(sealed, "amocrm:other:access"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void tampering_is_detected() {
        SecretBox box = SecretBox.fromKeyRing(List.of(k1));
        String sealed = box.encrypt("token", "aad");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> box.decrypt(tampered, "aad")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotation_new_primary_decrypts_old_values_and_flags_them_for_re_encryption() {
        String old = SecretBox.fromKeyRing(List.of(k1)).encrypt("token", "aad");
        SecretBox rotated = SecretBox.fromKeyRing(List.of(k2, k1));

        assertThat(rotated.decrypt(old, "aad")).isEqualTo("token");
        assertThat(rotated.needsReEncryption(old)).isTrue();
        assertThat(rotated.needsReEncryption(rotated.encrypt("token", "aad"))).isFalse();
    }

    @Test
    void a_dropped_key_gives_a_clear_error() {
        String old = SecretBox.fromKeyRing(List.of(k1)).encrypt("token", "aad");
        SecretBox withoutOld = SecretBox.fromKeyRing(List.of(k2));

        assertThatThrownBy(() -> withoutOld.decrypt(old, "aad")).hasMessageContaining("key 'k1'");
    }

    @Test
    void missing_or_short_keys_fail_fast_with_instructions() {
        assertThatThrownBy(() -> SecretBox.fromKeyRing(List.of())).hasMessageContaining("SLOTBRIDGE_CRYPTO_KEYS");
        assertThatThrownBy(() -> SecretBox.fromKeyRing(List.of("k1:c2hvcnQ="))).hasMessageContaining("32 bytes");
    }

    @Test
    void to_string_shows_no_key_material() {
        assertThat(SecretBox.fromKeyRing(List.of(k1)).toString()).doesNotContain(k1.substring(3));
    }
}
