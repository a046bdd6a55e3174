package io.slotbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden JSON per record type under {@code src/test/resources/fixtures/<topic>/<type>.json}: the wire format is
 * frozen there, so an accidental rename or type change fails here before it breaks a consumer. After an intended,
 * additive change run with {@code -Dcontracts.writeGolden=true} once and review the diff.
 */
class GoldenFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    static Stream<Envelope> samples() {
        return ContractSamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void golden_fixture_is_valid_reads_back_and_matches_current_serialisation(Envelope sample) throws IOException {
        TopicSpec<?> topic = ContractSchemas.topicOf(sample);
        Path file = FIXTURES.resolve(topic.name()).resolve(ContractTypes.typeName(sample) + ".json");
        if (Boolean.getBoolean("contracts.writeGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sample) + "\n");
        }
        assertThat(file).as("golden fixture").exists();

        JsonNode golden = ContractJson.mapper().readTree(file.toFile());

        assertThat(ContractSchemas.validate(topic, golden)).isEmpty();
        assertThat(ContractJson.mapper().treeToValue(golden, topic.valueType())).isEqualTo(sample);
        assertThat(ContractJson.mapper().readTree(ContractJson.toBytes(sample))).isEqualTo(golden);
    }
}
