package io.slotbridge.sync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotbridge.sync.domain.MeetingStatus;
import io.slotbridge.sync.domain.TenantPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class TenantPoliciesTest {

    @Test
    void the_demo_tenants_file_binds_and_validates() throws Exception {
        TenantPolicies policies = TenantPolicies.from(bind(Path.of("../../deploy/tenants/demo.yml")));

        assertThat(policies.tenants()).containsExactlyInAnyOrder("demo", "demo-b24");
        TenantPolicy demo = policies.find("demo").orElseThrow();
        assertThat(demo.stages().meetingScheduled()).isEqualTo("5. Встреча назначена");
        assertThat(demo.fields().meetingTime()).isEqualTo("Дата и время встречи");
        assertThat(demo.colour(MeetingStatus.SCHEDULED))
                .as("\"\" is the calendar default")
                .isNull();
        assertThat(demo.colour(MeetingStatus.CONFIRMED)).isEqualTo("5");
        assertThat(demo.statusOf("11")).contains(MeetingStatus.CANCELLED);
        assertThat(demo.calendar().calendarId()).isEqualTo("kev-demo@group.calendar.google.com");
        assertThat(demo.calendar().meetingDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(demo.rules().bookingSla()).isEqualTo(Duration.ofDays(2));
        assertThat(demo.rules().inviteExpert()).isEqualTo(TenantPolicy.GuestPolicy.CURATOR);
        assertThat(demo.emailOf("Паша")).isEqualTo("pasha@demo.example");
        assertThat(demo.zoneLabel()).isEqualTo("мск");
        assertThat(demo.pipeline()).isEqualTo("Воронка");
    }

    @Test
    void every_problem_is_reported_with_its_tenant_and_key() {
        TenantDirectory.Tenant broken = new TenantDirectory.Tenant(
                "Mars/Olympus",
                new TenantDirectory.Crm("https://demo.amocrm.ru/leads/detail/", null),
                Map.of("meeting-scheduled", "5. Встреча назначена", "lost", "Отказ"),
                Map.of("expert", "Эксперт"),
                Map.of(),
                List.of(
                        new TenantDirectory.Person("Паша", null, "expert"),
                        new TenantDirectory.Person("Паша", "pasha.demo.example", "expert")),
                new TenantDirectory.Calendar(
                        null, "fifteen", "PT0S", Map.of("confirmed", "12", "held", "11", "purple", "3")),
                new TenantDirectory.Rules("manager", "ignore", "two days"));

        assertThatThrownBy(() -> TenantPolicies.from(new TenantDirectory(Map.of("acme", broken))))
                .isInstanceOf(TenantConfigurationException.class)
                .satisfies(
                        e -> assertThat(((TenantConfigurationException) e).problems())
                                .containsExactlyInAnyOrder(
                                        "tenant 'acme': time-zone 'Mars/Olympus' is not a time zone id (e.g. Europe/Moscow)",
                                        "tenant 'acme': stages.meeting-held is missing (the CRM name of this stage)",
                                        "tenant 'acme': stages.no-contact is missing (the CRM name of this stage)",
                                        "tenant 'acme': fields.meeting-time is missing (the CRM name of this field)",
                                        "tenant 'acme': loss-reasons.meeting-cancelled is missing (the CRM name of this loss reason)",
                                        "tenant 'acme': people[0].email is missing for expert 'Паша': experts are invited by e-mail",
                                        "tenant 'acme': people[1].name 'Паша' is listed twice",
                                        "tenant 'acme': people[1].email 'pasha.demo.example' is not an e-mail address",
                                        "tenant 'acme': calendar.calendar-id is missing",
                                        "tenant 'acme': calendar.reminder-minutes 'fifteen' is not a number",
                                        "tenant 'acme': calendar.meeting-duration must be positive",
                                        "tenant 'acme': calendar.colors.confirmed '12' is not a Google event colour id (1..11, or \"\" for the calendar default)",
                                        "tenant 'acme': calendar.colors.purple is not a meeting state; use cancelled, confirmed, held, no-contact, rescheduled, scheduled",
                                        "tenant 'acme': calendar.colors 'held' and 'cancelled' share colour '11': a person's colour must say one thing",
                                        "tenant 'acme': rules.invite-expert-when-booked-by 'manager' must be curator, always or never",
                                        "tenant 'acme': rules.tomato-means 'ignore' must be close-lost or note-only",
                                        "tenant 'acme': rules.booking-sla 'two days' is not an ISO-8601 duration (e.g. PT1H, P2D)",
                                        "tenant 'acme': crm.card-url-template must contain {leadId}, e.g. https://demo.amocrm.ru/leads/detail/{leadId}"))
                .hasMessageStartingWith("the tenants file has 18 problem(s) for sync:");
    }

    @Test
    void one_stage_cannot_serve_two_roles() {
        TenantDirectory.Tenant tenant =
                minimal(Map.of("meeting-scheduled", "5", "meeting-held", "6", "no-contact", "6", "lost", "Отказ"));

        assertThatThrownBy(() -> TenantPolicies.from(new TenantDirectory(Map.of("t", tenant))))
                .hasMessageContaining("tenant 't': stages '6' is used for two roles");
    }

    @Test
    void defaults_follow_op14_when_the_optional_keys_are_left_out() {
        TenantDirectory.Tenant minimal =
                minimal(Map.of("meeting-scheduled", "5", "meeting-held", "6", "no-contact", "НД", "lost", "Отказ"));

        TenantPolicy policy = TenantPolicies.from(new TenantDirectory(Map.of("t", minimal)))
                .find("t")
                .orElseThrow();

        assertThat(policy.zone().getId()).isEqualTo("Europe/Moscow");
        assertThat(policy.calendar().reminderMinutes()).isEqualTo(15);
        assertThat(policy.colour(MeetingStatus.HELD)).isEqualTo("10");
        assertThat(policy.colour(MeetingStatus.NO_CONTACT)).isEqualTo("8");
        assertThat(policy.rules().tomatoMeans()).isEqualTo(TenantPolicy.TomatoPolicy.CLOSE_LOST);
    }

    @Test
    void a_bad_tenants_file_stops_startup_with_the_problems_listed() {
        var cause = new TenantConfigurationException(List.of("tenant 'acme': calendar.calendar-id is missing"));
        var failure = new org.springframework.beans.factory.BeanCreationException("tenantPolicies", "failed", cause);

        var analysis = new TenantConfigurationFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription())
                .isEqualTo(
                        "the tenants file has 1 problem(s) for sync:\n  - tenant 'acme': calendar.calendar-id is missing");
        assertThat(analysis.getAction()).contains("SLOTBRIDGE_TENANT_CONFIG");
    }

    /** Only the required keys: stages as given, two fields, one loss reason, a calendar id. */
    private static TenantDirectory.Tenant minimal(Map<String, String> stages) {
        return new TenantDirectory.Tenant(
                null,
                null,
                stages,
                Map.of("meeting-time", "Когда", "expert", "Кто"),
                Map.of("meeting-cancelled", "Отмена"),
                List.of(),
                new TenantDirectory.Calendar("cal@example.com", null, null, null),
                null);
    }

    private static TenantDirectory bind(Path file) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("tenants", new FileSystemResource(file))
                .forEach(source -> environment.getPropertySources().addFirst(source));
        Binder binder = new Binder(
                ConfigurationPropertySources.get(environment),
                new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(environment));
        return binder.bind("slotbridge", TenantDirectory.class).get();
    }
}
