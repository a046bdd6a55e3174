package io.slotbridge.console.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.console.tenant.TenantDirectoryProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class TenantConfigCheckTest {

    @Test
    void the_demo_tenants_file_binds_and_has_no_errors() throws IOException {
        Map<String, TenantSettings> tenants = demoTenants();

        assertThat(tenants).containsKeys("demo", "demo-b24");
        for (Map.Entry<String, TenantSettings> tenant : tenants.entrySet()) {
            List<ConfigProblem> problems = TenantConfigCheck.check(tenant.getKey(), tenant.getValue());
            assertThat(problems)
                    .as(tenant.getKey())
                    .allMatch(p -> p.severity() == ConfigProblem.Severity.WARNING)
                    .anyMatch(p -> p.message().contains("static-token is meant for the sandbox"));
        }
        assertThat(tenants.get("demo").people())
                .extracting(TenantSettings.Person::name)
                .contains("Паша");
        assertThat(tenants.get("demo").calendar().colors()).containsEntry("confirmed", "5");
    }

    @Test
    void each_problem_is_said_in_plain_words_with_its_key() throws IOException {
        TenantSettings demo = demoTenants().get("demo");
        TenantSettings.Crm crm = demo.crm();
        TenantSettings.Calendar calendar = demo.calendar();
        TenantSettings broken = new TenantSettings(
                "",
                "Moscow",
                new TenantSettings.Crm(
                        "amocrm",
                        crm.baseUrl(),
                        "https://demo.amocrm.ru/leads/detail/",
                        crm.account(),
                        "${DEMO_AMOCRM_WEBHOOK_SECRET}",
                        null,
                        null,
                        null,
                        new TenantSettings.Auth("oauth", "id", "", null, null, null, null, null, null),
                        "0",
                        null,
                        crm.pipeline()),
                Map.of("qualified", "Квалифицирован", "lost", "Отказ. Сделка закрыта"),
                demo.fields(),
                demo.lossReasons(),
                List.of(new TenantSettings.Person("Паша", "pasha-at-demo", "expert")),
                new TenantSettings.Calendar(
                        calendar.provider(),
                        calendar.calendarId(),
                        calendar.rootUrl(),
                        calendar.pushSecret(),
                        calendar.auth(),
                        calendar.sendUpdates(),
                        "one hour",
                        calendar.reminderMinutes(),
                        Map.of("confirmed", "12")),
                new TenantSettings.Rules("curator", "close-lost", "2 days"),
                demo.messaging(),
                new TenantSettings.Followup(
                        null, new TenantSettings.WorkingHours(List.of("MONDAY", "FUNDAY"), "20:00", "09:00"), null));

        List<ConfigProblem> problems = TenantConfigCheck.check("demo", broken);

        assertThat(problems)
                .extracting(ConfigProblem::key, ConfigProblem::message)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                "time-zone", "'Moscow' is not a time zone name (use a region such as Europe/Moscow)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "crm.webhook-secret",
                                "refers to the environment variable DEMO_AMOCRM_WEBHOOK_SECRET, which is not set: the "
                                        + "amoCRM webhook URL carries no secret, so anyone could post fake webhooks"),
                        org.assertj.core.groups.Tuple.tuple(
                                "crm.auth.client-secret", "not set: needed by authentication mode oauth"),
                        org.assertj.core.groups.Tuple.tuple(
                                "stages.meeting-scheduled",
                                "not set: booked meetings cannot be recognised and slots will not be created"),
                        org.assertj.core.groups.Tuple.tuple(
                                "calendar.colors.confirmed",
                                "colour id '12' does not exist in Google Calendar (use 1-11, or empty for the calendar "
                                        + "default)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "followup.working-hours", "working hours end (09:00) before they start (20:00)"));
        assertThat(problems)
                .extracting(ConfigProblem::key)
                .contains(
                        "crm.card-url-template",
                        "crm.requests-per-second",
                        "people[0].email",
                        "calendar.meeting-duration",
                        "rules.booking-sla",
                        "followup.working-hours.days",
                        "display-name");
    }

    static Map<String, TenantSettings> demoTenants() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("demo", new FileSystemResource(Path.of("../../deploy/tenants/demo.yml")))
                .forEach(source -> environment.getPropertySources().addFirst(source));
        return Binder.get(environment)
                .bind("slotbridge", TenantDirectoryProperties.class)
                .orElseThrow(() -> new AssertionError("deploy/tenants/demo.yml did not bind"))
                .tenants();
    }
}
