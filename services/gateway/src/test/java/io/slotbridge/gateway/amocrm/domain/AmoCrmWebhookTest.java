package io.slotbridge.gateway.amocrm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.gateway.ingest.domain.MalformedBodyException;
import io.slotbridge.gateway.ingest.domain.Outbound;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.TestRequests;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AmoCrmWebhookTest {

    static List<String> fixtures() {
        return ProviderFixtures.list("amocrm");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void every_captured_amocrm_body_parses_into_hints_on_the_lead_hints_topic(String fixture) {
        List<LeadChangeNoticed> hints = hints(ProviderFixtures.body(fixture), null, null);

        assertThat(hints).isNotEmpty().allSatisfy(hint -> {
            assertThat(hint.tenant()).isEqualTo("demo");
            assertThat(hint.crm()).isEqualTo(CrmKind.AMOCRM);
            assertThat(hint.leadId()).matches("\\d+");
            assertThat(hint.rawEventId()).isEqualTo(TestRequests.RAW_EVENT_ID);
            assertThat(hint.kafkaKey()).isEqualTo("demo:" + hint.leadId());
        });
    }

    @Test
    void an_ids_only_status_change_names_lead_status_pipeline_and_previous_status() {
        List<LeadChangeNoticed> hints = hints(
                ProviderFixtures.body("amocrm/status-change-2.txt"), "4deb1687-f69f-4f06-930e-95c2947134ca", "anyor");

        assertThat(hints).singleElement().satisfies(hint -> {
            assertThat(hint.leadId()).isEqualTo("10754147");
            assertThat(hint.entity()).isEqualTo("lead");
            assertThat(hint.action()).isEqualTo("status");
            assertThat(hint.statusId()).isEqualTo("54423922");
            assertThat(hint.pipelineId()).isEqualTo("6344290");
            assertThat(hint.oldStatusId()).isEqualTo("54435014");
            assertThat(hint.entityId()).isNull();
            assertThat(hint.providerRequestId()).isEqualTo("4deb1687-f69f-4f06-930e-95c2947134ca");
        });
    }

    @Test
    void a_redelivered_request_yields_the_same_event_ids_and_one_without_a_request_id_fresh_ones() {
        String body = ProviderFixtures.body("amocrm/status-change-2.txt");

        assertThat(hints(body, "req-1", null).get(0).eventId())
                .isEqualTo(hints(body, "req-1", null).get(0).eventId());
        assertThat(hints(body, null, null).get(0).eventId())
                .isNotEqualTo(hints(body, null, null).get(0).eventId());
    }

    @Test
    void a_modern_full_update_and_a_delete_are_hints_for_their_lead() {
        assertThat(hints(ProviderFixtures.body("amocrm/lead-update-1.txt"), null, "unirock"))
                .singleElement()
                .satisfies(hint -> {
                    assertThat(hint.leadId()).isEqualTo("30052055");
                    assertThat(hint.action()).isEqualTo("update");
                    assertThat(hint.statusId()).isEqualTo("17944873");
                    assertThat(hint.pipelineId()).isEqualTo("936736");
                });
        assertThat(hints(ProviderFixtures.body("amocrm/lead-delete-1.txt"), null, "unirock"))
                .singleElement()
                .satisfies(hint -> assertThat(hint.isDeletion()).isTrue());
    }

    @Test
    void a_contact_update_fans_out_to_one_hint_per_linked_lead() {
        List<LeadChangeNoticed> hints = hints(ProviderFixtures.body("amocrm/contact-update-1.txt"), null, "apfitness");

        assertThat(hints).hasSize(32).allSatisfy(hint -> {
            assertThat(hint.entity()).isEqualTo("contact");
            assertThat(hint.entityId()).isEqualTo("22309159");
            assertThat(hint.action()).isEqualTo("update");
        });
        assertThat(hints)
                .extracting(LeadChangeNoticed::leadId)
                .startsWith("9982719", "9982767")
                .contains("10438403");
    }

    @Test
    void a_contact_without_linked_leads_is_one_hint_the_connector_resolves() {
        assertThat(hints("contacts[add][0][id]=501&contacts[add][0][type]=company&account[subdomain]=demo", null, null))
                .singleElement()
                .satisfies(hint -> {
                    assertThat(hint.leadId()).isEqualTo("company-501");
                    assertThat(hint.entity()).isEqualTo("company");
                    assertThat(hint.entityId()).isEqualTo("501");
                });
    }

    @Test
    void tasks_and_notes_on_a_lead_are_hints_for_that_lead() {
        List<LeadChangeNoticed> hints = hints(
                "task[add][0][id]=9&task[add][0][element_id]=77&task[add][0][element_type]=2"
                        + "&task[update][0][id]=10&task[update][0][element_id]=5&task[update][0][element_type]=1"
                        + "&leads[note][0][note][id]=60864725&leads[note][0][note][element_id]=78"
                        + "&leads[note][0][note][element_type]=2&account[subdomain]=demo",
                null,
                "demo");

        assertThat(hints)
                .extracting(LeadChangeNoticed::entity, LeadChangeNoticed::leadId, LeadChangeNoticed::entityId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("task", "77", "9"),
                        org.assertj.core.groups.Tuple.tuple("task", "task-10", "10"),
                        org.assertj.core.groups.Tuple.tuple("note", "78", "60864725"));
    }

    @Test
    void a_legacy_body_with_custom_field_values_without_value_keys_and_the_account_last_parses() {
        String body = "leads[status][0][id]=1001&leads[status][0][status_id]=142&leads[status][0][pipeline_id]=3"
                + "&leads[status][0][custom_fields][0][id]=72333&leads[status][0][custom_fields][0][values][0]=1538066975"
                + "&leads[status][0][custom_fields][1][values][0][value]=A&leads[status][0][custom_fields][1][values][1][value]=B"
                + "&leads[status][1][id]=1002&leads[status][1][status_id]=143&account[subdomain]=demo";

        assertThat(hints(body, null, "demo"))
                .extracting(LeadChangeNoticed::leadId, LeadChangeNoticed::statusId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1001", "142"),
                        org.assertj.core.groups.Tuple.tuple("1002", "143"));
    }

    @Test
    void a_body_from_another_account_is_refused_even_with_the_right_secret() {
        Parsed parsed = AmoCrmWebhook.parse(
                TestRequests.request(
                        IngressSource.AMOCRM, "demo", ProviderFixtures.body("amocrm/status-change-2.txt"), null),
                "demo");

        assertThat(parsed).isInstanceOf(Parsed.Refused.class);
        assertThat(((Parsed.Refused) parsed).reason()).contains("anyor");
    }

    @Test
    void the_configured_account_may_be_a_full_host_name() {
        assertThat(hints(ProviderFixtures.body("amocrm/status-change-2.txt"), null, "anyor.amocrm.ru"))
                .hasSize(1);
    }

    @Test
    void a_body_that_is_not_an_amocrm_webhook_is_unreadable_and_known_sections_without_leads_are_not() {
        assertThat(parse("hello=world", null)).isInstanceOf(Parsed.Unreadable.class);
        assertThat(parse("unsorted[add][0][uid]=x&account[subdomain]=demo", null))
                .isInstanceOfSatisfying(
                        Parsed.Understood.class, u -> assertThat(u.records()).isEmpty());
    }

    @Test
    void an_entity_without_its_id_makes_the_body_unreadable() {
        assertThatThrownBy(() -> parse("leads[status][0][status_id]=142&account[subdomain]=demo", null))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("without id");
        assertThatThrownBy(() -> parse("leads[status][0]=1&account[subdomain]=demo", null))
                .isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void an_id_that_is_not_a_number_makes_the_body_unreadable_instead_of_a_hint_no_connector_can_read() {
        assertThatThrownBy(() -> parse("leads[status][0][id]=%25ZZbroken&account[subdomain]=demo", null))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage("'%ZZbroken' is not an amoCRM id");
        assertThatThrownBy(() -> parse(
                        "contacts[update][0][id]=5&contacts[update][0][linked_leads_id][0]=x1&account[subdomain]=demo",
                        null))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("not an amoCRM id");
    }

    @Test
    void a_linked_lead_entry_without_a_value_is_named_by_its_key_which_must_be_an_id() {
        assertThat(hints(
                                "contacts[update][0][id]=5&contacts[update][0][linked_leads_id][777][NAME]=x"
                                        + "&account[subdomain]=demo",
                                null,
                                null)
                        .stream()
                        .map(LeadChangeNoticed::leadId))
                .containsExactly("777");
        assertThatThrownBy(() -> parse(
                        "contacts[update][0][id]=5&contacts[update][0][linked_leads_id][٣][NAME]=x"
                                + "&account[subdomain]=demo",
                        null))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage("linked lead '٣' is not an amoCRM id");
    }

    private static Parsed parse(String body, String account) {
        return AmoCrmWebhook.parse(TestRequests.request(IngressSource.AMOCRM, "demo", body, null), account);
    }

    private static List<LeadChangeNoticed> hints(String body, String providerRequestId, String account) {
        Parsed parsed = AmoCrmWebhook.parse(
                TestRequests.request(IngressSource.AMOCRM, "demo", body, providerRequestId), account);
        assertThat(parsed).isInstanceOf(Parsed.Understood.class);
        List<Outbound> records = ((Parsed.Understood) parsed).records();
        assertThat(records).allSatisfy(r -> assertThat(r.topic()).isEqualTo(Topics.CRM_LEAD_HINTS.name()));
        return records.stream().map(r -> (LeadChangeNoticed) r.record()).toList();
    }
}
