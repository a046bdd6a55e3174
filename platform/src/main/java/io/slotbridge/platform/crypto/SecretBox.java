package io.slotbridge.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (OAuth tokens, refresh tokens, API keys) with AES-256-GCM.
 *
 * <p>Tokens look like {@code sb1:<keyId>:<base64url(iv || ciphertext || tag)>}. The first key of the ring encrypts;
 * every key decrypts, which is how keys rotate: add a new key first, re-encrypt ({@link #needsReEncryption}), then drop
 * the old one. The associated data binds a ciphertext to its place (e.g. {@code amocrm:demo:refresh}), so a value
 * copied into another row does not decrypt.
 */
public final class SecretBox {

    private static final String PREFIX = "sb1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String primaryKeyId;
    private final Map<String, SecretKeySpec> keys;

    private SecretBox(String primaryKeyId, Map<String, SecretKeySpec> keys) {
        this.primaryKeyId = primaryKeyId;
        this.keys = keys;
    }

    /**
     * Builds the box from {@code id:base64key} entries, primary first (e.g. the value of
     * {@code SLOTBRIDGE_CRYPTO_KEYS="k2:…,k1:…"}).
     */
    public static SecretBox fromKeyRing(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalStateException("no encryption key configured: set slotbridge.crypto.keys (env "
                    + "SLOTBRIDGE_CRYPTO_KEYS) to 'k1:<base64 of 32 random bytes>'; generate one with "
                    + "'openssl rand -base64 32'");
        }
        Map<String, SecretKeySpec> ring = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("encryption key entries must look like 'keyId:base64key'");
            }
            String id = entry.substring(0, colon).strip();
            byte[] key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            if (key.length != 32) {
                throw new IllegalStateException(
                        "encryption key '" + id + "' must be 32 bytes (AES-256), got " + key.length);
            }
            ring.put(id, new SecretKeySpec(key, "AES"));
        }
        return new SecretBox(ring.keySet().iterator().next(), Map.copyOf(ring));
    }

    /** A fresh random key entry, for set-up scripts and the local launcher. */
    public static String generateKeyEntry(String keyId) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return keyId + ":" + Base64.getEncoder().encodeToString(key);
    }

    public String encrypt(String plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(primaryKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + ":" + primaryKeyId + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(String token, String associatedData) {
        String[] parts = token.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("not a SecretBox token");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException(
                    "secret was encrypted with key '" + parts[1] + "' which is not in slotbridge.crypto.keys any more");
        }
        byte[] in = Base64.getUrlDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret does not decrypt (wrong key or tampered/misplaced value)", e);
        }
    }

    /** True when the token was sealed with a key other than the primary one (re-encrypt it during rotation). */
    public boolean needsReEncryption(String token) {
        String[] parts = token.split(":", 3);
        return parts.length != 3 || !primaryKeyId.equals(parts[1]);
    }

    @Override
    public String toString() {
        return "SecretBox[primary=" + primaryKeyId + ", keys=" + keys.size() + "]";
    }
}
