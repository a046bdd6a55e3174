package io.slotbridge.sandbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.ProviderFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhpFormTest {

    @ParameterizedTest
    @ValueSource(strings = {"amocrm/lead-update-1.txt", "amocrm/lead-delete-1.txt", "amocrm/status-change-2.txt"})
    void real_amocrm_webhook_bodies_survive_parse_and_encode_unchanged(String fixture) {
        String body = ProviderFixtures.body(fixture);
        assertThat(PhpForm.encode(PhpForm.parse(body))).isEqualTo(body);
    }

    @Test
    void nests_bracket_keys_and_appends_empty_brackets() {
        Map<String, Object> tree =
                PhpForm.parse("leads%5Bstatus%5D%5B0%5D%5Bid%5D=7&filter[id][]=1&filter[id][]=2&plain=a+b");
        assertThat(tree).containsEntry("plain", "a b");
        Map<?, ?> ids = (Map<?, ?>) ((Map<?, ?>) tree.get("filter")).get("id");
        assertThat(ids.values().stream().map(String::valueOf).toList()).containsExactly("1", "2");
        assertThat(PhpForm.flatten(tree)).first().isEqualTo(new PhpForm.Pair("leads[status][0][id]", "7"));
    }

    @Test
    void lists_flatten_with_their_index_and_nulls_are_left_out() {
        Map<String, Object> tree = new java.util.LinkedHashMap<>();
        tree.put("data", Map.of("FIELDS", Map.of("ID", 5)));
        tree.put("items", List.of("a", "b"));
        tree.put("none", null);
        assertThat(PhpForm.encode(tree)).isEqualTo("data%5BFIELDS%5D%5BID%5D=5&items%5B0%5D=a&items%5B1%5D=b");
    }
}
