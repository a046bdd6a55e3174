package io.slotbridge.platform.crypto;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The SecretBox for services that store secrets. It is created on first use, so services that keep no secrets need
 * no key, and a service that does fails at startup with a message saying how to set one.
 */
@AutoConfiguration
@EnableConfigurationProperties(CryptoProperties.class)
public class PlatformCryptoAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    public SecretBox secretBox(CryptoProperties properties) {
        return SecretBox.fromKeyRing(properties.keys());
    }
}
