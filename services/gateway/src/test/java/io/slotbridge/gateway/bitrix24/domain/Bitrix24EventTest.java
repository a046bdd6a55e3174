package io.slotbridge.gateway.bitrix24.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.TestRequests;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Bitrix24EventTest {

    /** The application token of every doc example in providers/bitrix24/*.json.txt. */
    static final String DOC_TOKEN = "51856fefc120afa4b628cc82d3935cce";

    static final String DOC_MEMBER = "a223c6b3710f85df22e9377d6c4f7553";

    @ParameterizedTest
    @CsvSource({
        "crm-deal-update-app-event.json.txt, deal, update, 759, ",
        "crm-lead-update-app-event.json.txt, lead, update, lead-1000983, 1000983",
        "crm-activity-add-app-event.json.txt, activity, add, activity-999, 999",
        "calendar-entry-update-app-event.json.txt, calendar-entry, update, calendar-entry-1414, 1414"
    })
    void documented_events_become_hints_keyed_by_the_deal_or_by_entity_and_id(
            String fixture, String entity, String action, String leadId, String entityId) {
        String body = TestRequests.formBodyOfJson(ProviderFixtures.body("bitrix24/" + fixture));

        LeadChangeNoticed hint = hint(parse(body, DOC_TOKEN, DOC_MEMBER));

        assertThat(hint.crm()).isEqualTo(CrmKind.BITRIX24);
        assertThat(hint.entity()).isEqualTo(entity);
        assertThat(hint.action()).isEqualTo(action);
        assertThat(hint.leadId()).isEqualTo(leadId);
        assertThat(hint.entityId()).isEqualTo(entityId);
        assertThat(hint.kafkaKey()).isEqualTo("demo-b24:" + leadId);
    }

    @Test
    void the_captured_form_posts_parse_with_their_own_tokens() {
        LeadChangeNoticed lead = hint(parse(
                ProviderFixtures.body("bitrix24/lead-add-1.txt"),
                "o8kfcne3du24sfvoeahh43uf9oygu2x3",
                "1b87798bc2d16c4b7f2a604e0c899a34"));
        LeadChangeNoticed contact = hint(parse(
                ProviderFixtures.body("bitrix24/crm-contact-add-app-event-formurlencoded.txt"),
                "3c6c9248ec54af6bea1159b43ee0ab32",
                null));

        assertThat(lead.leadId()).isEqualTo("lead-365");
        assertThat(lead.action()).isEqualTo("add");
        assertThat(contact.leadId()).isEqualTo("contact-134806");
        assertThat(contact.entity()).isEqualTo("contact");
        assertThat(contact.entityId()).isEqualTo("134806");
    }

    @Test
    void a_tenant_whose_lead_entity_is_lead_gets_leads_under_their_own_id() {
        Parsed parsed = Bitrix24Event.parse(
                TestRequests.request(
                        IngressSource.BITRIX24, "demo-b24", ProviderFixtures.body("bitrix24/lead-add-1.txt"), null),
                "o8kfcne3du24sfvoeahh43uf9oygu2x3",
                null,
                "lead");

        assertThat(hint(parsed).leadId()).isEqualTo("365");
    }

    @Test
    void the_outgoing_webhook_variant_with_its_reduced_auth_block_is_accepted() {
        String body =
                TestRequests.formBodyOfJson(ProviderFixtures.body("bitrix24/crm-deal-add-outgoing-webhook.json.txt"));

        assertThat(hint(parse(body, "jvh9y1ulvt2m6k5or90v9mg8nn32ozas", "d897063e1ce7c5eb9f04b9751eef5915"))
                        .leadId())
                .isEqualTo("7405");
    }

    @Test
    void a_wrong_or_missing_token_or_member_id_is_refused() {
        String body = TestRequests.formBodyOfJson(ProviderFixtures.body("bitrix24/crm-deal-update-app-event.json.txt"));

        assertThat(parse(body, "another-token", null)).isInstanceOf(Parsed.Refused.class);
        assertThat(parse(body, DOC_TOKEN, "another-member")).isInstanceOf(Parsed.Refused.class);
        assertThat(parse("event=ONCRMDEALUPDATE&data[FIELDS][ID]=1", DOC_TOKEN, null))
                .isInstanceOf(Parsed.Refused.class);
    }

    @Test
    void a_body_too_broken_to_find_the_token_in_is_refused_not_stored() {
        String body = "auth[application_token]=" + DOC_TOKEN + "&event=ONCRMDEALUPDATE&data" + "[x]".repeat(40) + "=1";

        assertThat(parse(body, DOC_TOKEN, null)).isInstanceOf(Parsed.Refused.class);
    }

    @Test
    void events_about_no_entity_are_understood_without_hints_and_crm_events_without_id_are_unreadable() {
        assertThat(parse("event=ONAPPINSTALL&auth[application_token]=" + DOC_TOKEN, DOC_TOKEN, null))
                .isInstanceOfSatisfying(
                        Parsed.Understood.class, u -> assertThat(u.records()).isEmpty());
        assertThat(parse("event=ONCRMDEALUPDATE&auth[application_token]=" + DOC_TOKEN, DOC_TOKEN, null))
                .isInstanceOf(Parsed.Unreadable.class);
        assertThat(parse("auth[application_token]=" + DOC_TOKEN, DOC_TOKEN, null))
                .isInstanceOf(Parsed.Unreadable.class);
    }

    @Test
    void event_names_are_split_into_entity_and_action() {
        assertThat(Bitrix24Event.entityAndAction("ONCRMDEALMOVETOCATEGORY")).containsExactly("deal", "movetocategory");
        assertThat(Bitrix24Event.entityAndAction("ONCRMTIMELINECOMMENTADD")).containsExactly("timelinecomment", "add");
        assertThat(Bitrix24Event.entityAndAction("ONCRMADD")).isNull();
        assertThat(Bitrix24Event.entityAndAction("ONTASKUPDATE")).isNull();
    }

    @Test
    void the_archived_body_has_every_token_masked() {
        String body = ProviderFixtures.body("bitrix24/crm-contact-add-app-event-formurlencoded.txt");

        String archived = new String(
                new Bitrix24Source().archivable(body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        assertThat(archived)
                .doesNotContain("3c6c9248ec54af6bea1159b43ee0ab32")
                .doesNotContain("be45f0660071849a0058f18a000000010000077261ef50fc26f1357adbd86a052c9e48")
                .contains("auth%5Bapplication_token%5D=***")
                .contains("data%5BFIELDS%5D%5BID%5D=134806");
    }

    private static Parsed parse(String body, String token, String memberId) {
        return Bitrix24Event.parse(
                TestRequests.request(IngressSource.BITRIX24, "demo-b24", body, null), token, memberId, "deal");
    }

    private static LeadChangeNoticed hint(Parsed parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Understood.class);
        return (LeadChangeNoticed) ((Parsed.Understood) parsed).records().get(0).record();
    }
}
