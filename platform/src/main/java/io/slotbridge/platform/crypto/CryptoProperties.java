package io.slotbridge.platform.crypto;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keys the key ring, {@code id:base64key} entries, primary first (env {@code SLOTBRIDGE_CRYPTO_KEYS})
 */
@ConfigurationProperties("slotbridge.crypto")
public record CryptoProperties(List<String> keys) {

    @Override
    public String toString() {
        return "CryptoProperties[keys=" + (keys == null ? 0 : keys.size()) + " configured]";
    }
}
