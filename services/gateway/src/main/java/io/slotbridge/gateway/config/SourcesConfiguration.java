package io.slotbridge.gateway.config;

import io.slotbridge.gateway.amocrm.domain.AmoCrmSource;
import io.slotbridge.gateway.bitrix24.domain.Bitrix24Source;
import io.slotbridge.gateway.google.domain.GoogleSource;
import io.slotbridge.gateway.installations.InstallationRegistry;
import io.slotbridge.gateway.wazzup.domain.WazzupSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook sources are plain Java; this is where Spring meets them. */
@Configuration(proxyBeanMethods = false)
public class SourcesConfiguration {

    @Bean
    AmoCrmSource amoCrmSource() {
        return new AmoCrmSource();
    }

    /** Filled by the installations listener; the Bitrix24 source authenticates events against it. */
    @Bean
    InstallationRegistry installationRegistry() {
        return new InstallationRegistry();
    }

    @Bean
    Bitrix24Source bitrix24Source(InstallationRegistry installations) {
        return new Bitrix24Source(installations);
    }

    @Bean
    GoogleSource googleSource() {
        return new GoogleSource();
    }

    @Bean
    WazzupSource wazzupSource() {
        return new WazzupSource();
    }
}
