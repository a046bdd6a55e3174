package io.slotbridge.followup.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotbridge.followup.domain.Trigger;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockPropertySource;

class FollowupTenantsTest {

    static TenantsProperties tenant(String sequences) {
        var tenant = new TenantsProperties.Tenant(
                ZoneId.of("Europe/Moscow"),
                new TenantsProperties.Crm("Воронка"),
                Map.of("qualified", "Квалифицирован", "meeting-scheduled", "5. Встреча назначена"),
                Map.of("no-contact", "Нет контакта"),
                new TenantsProperties.Messaging(
                        new TenantsProperties.Wazzup("https://api.wazzup24.com", "k", "c", "s")),
                new TenantsProperties.Followup(
                        sequences,
                        new TenantsProperties.WorkingHours(
                                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(18, 0)),
                        Duration.ofHours(24)));
        return new TenantsProperties("https://slotbridge.example.com", Map.of("demo", tenant));
    }

    static StandardEnvironment templates() {
        StandardEnvironment environment = new StandardEnvironment();
        MockPropertySource source = new MockPropertySource();
        for (String name : List.of("Первое сообщение", "Аудио Михаила Николаевича", "Игнор", "Полный игнор")) {
            source.setProperty("slotbridge.tenants.demo.followup.templates." + name + ".template-id", "id-" + name);
        }
        environment.getPropertySources().addFirst(source);
        return environment;
    }

    @Test
    void a_tenant_gets_its_sequences_calendar_and_templates() {
        FollowupTenants tenants = FollowupTenants.load(
                tenant("classpath:followup/default-sequences.yml"), templates(), new DefaultResourceLoader());

        FollowupTenant demo = tenants.find("demo").orElseThrow();
        assertThat(demo.sequenceFor(Trigger.CLIENT_UNREACHABLE))
                .hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("B"));
        assertThat(demo.template("Аудио Михаила Николаевича"))
                .hasValueSatisfying(t -> assertThat(t.templateId()).isEqualTo("id-Аудио Михаила Николаевича"));
        assertThat(demo.lossReasonName("no-contact")).isEqualTo("Нет контакта");
        assertThat(demo.calendar().toString()).contains("09:00-18:00");
        assertThat(demo.wazzup().toString()).doesNotContain("apiKey=k,").contains("apiKey=***");
    }

    @Test
    void the_shared_demo_tenant_file_loads_with_both_default_sequences() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("demo", new FileSystemResource("../../deploy/tenants/demo.yml"))
                .forEach(environment.getPropertySources()::addLast);
        ConfigurationPropertySources.attach(environment);
        TenantsProperties properties = Binder.get(environment)
                .bind("slotbridge", TenantsProperties.class)
                .get();

        FollowupTenants tenants = FollowupTenants.load(properties, environment, new DefaultResourceLoader());

        assertThat(tenants.all()).extracting(FollowupTenant::id).containsExactlyInAnyOrder("demo", "demo-b24");
        FollowupTenant demo = tenants.find("demo").orElseThrow();
        assertThat(demo.sequences()).containsOnlyKeys("A", "B");
        assertThat(demo.templates())
                .containsOnlyKeys("Первое сообщение", "Аудио Михаила Николаевича", "Игнор", "Полный игнор");
        assertThat(demo.wazzup().baseUrl()).isEqualTo("http://localhost:8070/wazzup");
        assertThat(demo.meetingScheduledStage()).isEqualTo("5. Встреча назначена");
        assertThat(demo.calendar().zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void a_broken_sequence_file_stops_the_service_naming_tenant_file_line_and_reason() {
        assertThatThrownBy(() -> FollowupTenants.load(
                        tenant("classpath:broken-sequences.yml"), templates(), new DefaultResourceLoader()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tenant demo: follow-up sequence file classpath:broken-sequences.yml is invalid: line 6: "
                        + "'next-working-day-at 25:00' has no valid HH:mm time");
    }

    @Test
    void a_sequence_using_a_template_the_tenant_does_not_have_is_rejected_at_startup() {
        StandardEnvironment noTemplates = new StandardEnvironment();

        assertThatThrownBy(() -> FollowupTenants.load(
                        tenant("classpath:followup/default-sequences.yml"), noTemplates, new DefaultResourceLoader()))
                .hasMessageContaining("line 13: template 'Первое сообщение' is not configured in followup.templates");
    }

    @Test
    void a_missing_sequence_file_is_a_clear_error() {
        assertThatThrownBy(() ->
                        FollowupTenants.load(tenant("classpath:nowhere.yml"), templates(), new DefaultResourceLoader()))
                .hasMessageContaining("tenant demo: cannot read follow-up sequences from classpath:nowhere.yml "
                        + "(slotbridge.tenants.demo.followup.sequences)");
    }
}
