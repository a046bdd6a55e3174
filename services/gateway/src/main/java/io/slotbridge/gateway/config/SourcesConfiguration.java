package io.slotbridge.gateway.config;

import io.slotbridge.gateway.amocrm.domain.AmoCrmSource;
import io.slotbridge.gateway.bitrix24.domain.Bitrix24Source;
import io.slotbridge.gateway.google.domain.GoogleSource;
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

    @Bean
    Bitrix24Source bitrix24Source() {
        return new Bitrix24Source();
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
