package io.slotbridge.followup.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.followup.domain.TemplateSpec;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

class TenantTemplatesReaderTest {

    static StandardEnvironment environment(String... yamls) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        int i = 0;
        for (String yaml : yamls) {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load(
                            "tenants-" + i++,
                            new ByteArrayResource(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
                environment.getPropertySources().addLast(source);
            }
        }
        // as in a Spring Boot application, where property names are resolved through their canonical form
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    @Test
    void keeps_russian_template_names_with_spaces_exactly_as_written() throws IOException {
        StandardEnvironment environment = environment(
                """
                slotbridge:
                  tenants:
                    demo:
                      followup:
                        templates:
                          Первое сообщение: { template-id: "", text: "" }
                          Аудио Михаила Николаевича:
                            template-id: 0b6c2d1e-0000-4000-8000-000000000001
                          Игнор:
                            template-id: 0b6c2d1e-0000-4000-8000-000000000002
                            text: "{client}, вы здесь?"
                            values: ["{client}", "завтра"]
                    other:
                      followup:
                        templates:
                          Игнор: { template-id: other-id }
                """);

        Map<String, TemplateSpec> templates = TenantTemplatesReader.read(environment, "demo");

        assertThat(templates).containsOnlyKeys("Первое сообщение", "Аудио Михаила Николаевича", "Игнор");
        assertThat(templates.get("Первое сообщение").isPlaceholder()).isTrue();
        assertThat(templates.get("Аудио Михаила Николаевича").templateId())
                .isEqualTo("0b6c2d1e-0000-4000-8000-000000000001");
        assertThat(templates.get("Игнор"))
                .isEqualTo(new TemplateSpec(
                        "Игнор",
                        "0b6c2d1e-0000-4000-8000-000000000002",
                        "{client}, вы здесь?",
                        List.of("{client}", "завтра")));
    }

    @Test
    void a_higher_precedence_source_replaces_a_whole_template() throws IOException {
        StandardEnvironment environment = environment(
                """
                slotbridge.tenants.demo.followup.templates:
                  Игнор: { template-id: override-id }
                """,
                """
                slotbridge.tenants.demo.followup.templates:
                  Игнор: { template-id: file-id, text: из файла }
                """);

        assertThat(TenantTemplatesReader.read(environment, "demo").get("Игнор"))
                .isEqualTo(new TemplateSpec("Игнор", "override-id", null, List.of()));
    }
}
