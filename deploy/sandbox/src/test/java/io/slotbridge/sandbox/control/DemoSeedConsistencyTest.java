package io.slotbridge.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.slotbridge.sandbox.amocrm.AmoAccount;
import io.slotbridge.sandbox.amocrm.AmoCrmStore;
import io.slotbridge.sandbox.amocrm.AmoSeed;
import io.slotbridge.sandbox.bitrix24.BitrixStore;
import io.slotbridge.sandbox.google.GoogleCalendarStore;
import io.slotbridge.sandbox.wazzup.WazzupAccounts;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seeded demo matches deploy/tenants/demo.yml, which the services read: names, people, ids. */
class DemoSeedConsistencyTest {

    private final JsonNode tenants = readTenants();

    @Test
    void amocrm_demo_has_every_name_the_tenant_file_refers_to() {
        AmoCrmStore store = new AmoCrmStore(Clock.systemUTC());
        AmoAccount account = store.create("demo", 1);
        AmoSeed.demoAccount(account);
        JsonNode demo = tenants.at("/slotbridge/tenants/demo");
        String described = describe(store);
        demo.path("stages").forEach(stage -> assertThat(described).contains("status:" + stage.asText()));
        demo.path("fields").forEach(field -> assertThat(described).contains("field:" + field.asText()));
        demo.path("loss-reasons").forEach(reason -> assertThat(described).contains("loss:" + reason.asText()));
        demo.path("people").forEach(person -> assertThat(described)
                .contains("user:" + person.path("email").asText()));
        assertThat(described).contains("pipeline:" + demo.at("/crm/pipeline").asText());
        assertThat(demo.at("/crm/account").asText()).isEqualTo(DemoSeed.AMO_ACCOUNT);
    }

    @Test
    void calendars_channels_templates_and_bitrix_token_match_the_tenant_file() {
        WazzupAccounts wazzup = new WazzupAccounts(Clock.systemUTC());
        GoogleCalendarStore calendars = new GoogleCalendarStore(Clock.systemUTC(), properties());
        new DemoSeed(new AmoCrmStore(Clock.systemUTC()), new BitrixStore(Clock.systemUTC()), calendars, wazzup).seed();
        for (String tenant : List.of("demo", "demo-b24")) {
            JsonNode config = tenants.at("/slotbridge/tenants/" + tenant);
            assertThat(calendars.find(config.at("/calendar/calendar-id").asText()))
                    .as(tenant)
                    .isPresent();
            assertThat(wazzup.channels("sandbox-admin").stream().map(WazzupAccounts.Channel::channelId))
                    .contains(config.at("/messaging/wazzup/channel-id").asText());
            List<String> templateIds = new ArrayList<>();
            config.at("/followup/templates")
                    .forEach(t -> templateIds.add(t.path("template-id").asText()));
            assertThat(wazzup.templates().stream().map(WazzupAccounts.Template::templateGuid))
                    .containsAll(templateIds);
        }
        assertThat(tenants.at("/slotbridge/tenants/demo-b24/crm/application-token")
                        .asText())
                .isEqualTo(DemoSeed.B24_APPLICATION_TOKEN);
        assertThat(tenants.at("/slotbridge/tenants/demo-b24/crm/account").asText())
                .isEqualTo(DemoSeed.B24_PORTAL);
    }

    private static String describe(AmoCrmStore store) {
        return io.slotbridge.sandbox.amocrm.AmoSeedDescription.of(store.account("demo"));
    }

    private static io.slotbridge.sandbox.SandboxProperties properties() {
        return new org.springframework.boot.context.properties.bind.Binder(
                        new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                                java.util.Map.of()))
                .bindOrCreate("slotbridge.sandbox", io.slotbridge.sandbox.SandboxProperties.class);
    }

    private static JsonNode readTenants() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(new File("../tenants/demo.yml"));
        } catch (IOException e) {
            throw new AssertionError("deploy/tenants/demo.yml not readable", e);
        }
    }
}
