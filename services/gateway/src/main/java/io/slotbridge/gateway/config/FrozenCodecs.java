package io.slotbridge.gateway.config;

import java.util.List;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * The application's codec configuration with its reader and writer lists built once. Every exchange whose content
 * type is form-urlencoded — every amoCRM and Bitrix24 webhook — asks the configurer for its readers to find the form
 * reader, and Spring's configurer builds the whole list, readers included, anew on each call: that measured about
 * 7 % of the gateway's event-loop CPU in deploy/bench/ingest. The lists are fixed once the HTTP handler is built.
 */
final class FrozenCodecs implements ServerCodecConfigurer {

    private final ServerCodecConfigurer configured;
    private volatile List<HttpMessageReader<?>> readers;
    private volatile List<HttpMessageWriter<?>> writers;

    FrozenCodecs(ServerCodecConfigurer configured) {
        this.configured = configured;
    }

    @Override
    public List<HttpMessageReader<?>> getReaders() {
        List<HttpMessageReader<?>> built = readers;
        if (built == null) {
            built = List.copyOf(configured.getReaders());
            readers = built;
        }
        return built;
    }

    @Override
    public List<HttpMessageWriter<?>> getWriters() {
        List<HttpMessageWriter<?>> built = writers;
        if (built == null) {
            built = List.copyOf(configured.getWriters());
            writers = built;
        }
        return built;
    }

    @Override
    public ServerDefaultCodecs defaultCodecs() {
        return configured.defaultCodecs();
    }

    @Override
    public CustomCodecs customCodecs() {
        return configured.customCodecs();
    }

    @Override
    public void registerDefaults(boolean registerDefaults) {
        configured.registerDefaults(registerDefaults);
    }

    @Override
    public ServerCodecConfigurer clone() {
        return new FrozenCodecs(configured.clone());
    }
}
