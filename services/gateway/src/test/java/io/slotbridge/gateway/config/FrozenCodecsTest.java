package io.slotbridge.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.util.MultiValueMap;

class FrozenCodecsTest {

    static final ResolvableType FORM =
            ResolvableType.forClassWithGenerics(MultiValueMap.class, String.class, String.class);

    @Test
    void builds_the_reader_and_writer_lists_once_and_returns_them_from_then_on() {
        ServerCodecConfigurer configured = ServerCodecConfigurer.create();
        FrozenCodecs frozen = new FrozenCodecs(configured);

        assertThat(configured.getReaders()).isNotSameAs(configured.getReaders()); // what it saves: a new list per call
        assertThat(frozen.getReaders()).isSameAs(frozen.getReaders());
        assertThat(frozen.getWriters()).isSameAs(frozen.getWriters());
    }

    @Test
    void offers_the_same_codecs_as_the_configuration_it_freezes() {
        ServerCodecConfigurer configured = ServerCodecConfigurer.create();
        configured.defaultCodecs().maxInMemorySize(4096);
        FrozenCodecs frozen = new FrozenCodecs(configured);

        assertThat(classNames(frozen.getReaders())).isEqualTo(classNames(configured.getReaders()));
        assertThat(classNames(frozen.getWriters())).isEqualTo(classNames(configured.getWriters()));
        assertThat(frozen.getReaders()).anyMatch(reader -> reader.canRead(FORM, MediaType.APPLICATION_FORM_URLENCODED));
    }

    private static List<String> classNames(List<?> codecs) {
        return codecs.stream().map(codec -> codec.getClass().getName()).toList();
    }
}
