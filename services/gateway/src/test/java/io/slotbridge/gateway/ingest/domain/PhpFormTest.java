package io.slotbridge.gateway.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhpFormTest {

    @Test
    void nested_bracket_keys_become_a_tree_in_body_order() {
        FormNode form = PhpForm.parse(
                "leads%5Bstatus%5D%5B0%5D%5Bid%5D=10754147&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=54423922"
                        + "&account%5Bsubdomain%5D=anyor");

        assertThat(form.text("leads", "status", "0", "id")).isEqualTo("10754147");
        assertThat(form.text("leads", "status", "0", "status_id")).isEqualTo("54423922");
        assertThat(form.text("account", "subdomain")).isEqualTo("anyor");
        assertThat(form.children().keySet()).containsExactly("leads", "account");
    }

    @Test
    void a_partly_decoded_body_reads_like_a_fully_encoded_one() {
        String encoded = "contacts%5Bupdate%5D%5B0%5D%5Bname%5D=%D0%98%D0%BB%D1%8C%D1%8F+%D0%AE";
        String partly = "contacts[update][0][name]=Илья+%D0%AE";

        assertThat(PhpForm.parse(partly).text("contacts", "update", "0", "name"))
                .isEqualTo(PhpForm.parse(encoded).text("contacts", "update", "0", "name"))
                .isEqualTo("Илья Ю");
    }

    @Test
    void a_percent_sign_that_starts_no_escape_is_kept_literally() {
        FormNode form = PhpForm.parse("leads[update][0][name]=100% sure&x=%zz%4");

        assertThat(form.text("leads", "update", "0", "name")).isEqualTo("100% sure");
        assertThat(form.text("x")).isEqualTo("%zz%4");
    }

    @Test
    void keys_encoded_twice_are_decoded_twice() {
        FormNode form = PhpForm.parse("leads%255Bstatus%255D%255B0%255D%255Bid%255D=7");

        assertThat(form.text("leads", "status", "0", "id")).isEqualTo("7");
    }

    @Test
    void empty_brackets_append_like_php_and_repeated_keys_keep_the_last_value() {
        FormNode form = PhpForm.parse("tags[]=a&tags[]=b&tags[5]=c&tags[]=d&name=x&name=y");

        assertThat(form.at("tags").children().keySet()).containsExactly("0", "1", "5", "3");
        assertThat(form.text("tags", "3")).isEqualTo("d");
        assertThat(form.text("name")).isEqualTo("y");
    }

    @Test
    void a_path_can_hold_a_scalar_and_children_at_once() {
        FormNode form = PhpForm.parse("note[type]=3&note[type][message_uuid]=70f3");

        assertThat(form.text("note", "type")).isEqualTo("3");
        assertThat(form.text("note", "type", "message_uuid")).isEqualTo("70f3");
    }

    @Test
    void custom_field_values_without_a_value_key_and_id_keyed_links_are_kept() {
        FormNode form = PhpForm.parse("leads[status][0][custom_fields][0][values][0]=1538066975"
                + "&contacts[update][0][linked_leads_id][9982719][ID]=9982719");

        assertThat(form.text("leads", "status", "0", "custom_fields", "0", "values", "0"))
                .isEqualTo("1538066975");
        assertThat(form.text("contacts", "update", "0", "linked_leads_id", "9982719", "ID"))
                .isEqualTo("9982719");
    }

    @Test
    void unclosed_brackets_make_a_plain_name_and_junk_after_the_last_bracket_is_dropped() {
        FormNode form = PhpForm.parse("a[b=1&c[d]e=2&=3&&f");

        assertThat(form.text("a[b")).isEqualTo("1");
        assertThat(form.text("c", "d")).isEqualTo("2");
        assertThat(form.text("")).isEqualTo("3");
        assertThat(form.at("f")).isNotNull();
    }

    @Test
    void absurd_nesting_and_field_counts_are_refused() {
        assertThatThrownBy(() -> PhpForm.parse("a" + "[x]".repeat(PhpForm.MAX_DEPTH + 1) + "=1"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("deeper");
        assertThatThrownBy(() -> PhpForm.parse("a=1&".repeat(PhpForm.MAX_FIELDS + 1)))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("form fields");
    }

    @Test
    void redaction_masks_credentials_and_keeps_every_other_byte() {
        byte[] body = "event=ONCRMDEALUPDATE&auth%5Bapplication_token%5D=s3cr3t&auth[access_token]=tok&ts=1"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        String redacted = new String(
                FormRedactor.redact(
                        body, java.util.Set.of("auth[application_token]", "auth[access_token]", "auth[refresh_token]")),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(redacted)
                .isEqualTo("event=ONCRMDEALUPDATE&auth%5Bapplication_token%5D=***&auth[access_token]=***&ts=1");
    }
}
