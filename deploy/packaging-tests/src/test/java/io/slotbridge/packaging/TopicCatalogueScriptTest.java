package io.slotbridge.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/docker/create-topics.sh creates exactly the contracts' catalogue, with its partition counts. */
class TopicCatalogueScriptTest {

    private static final Pattern CREATE = Pattern.compile("(?m)^create_topic (\\S+) (\\d+)( compact)?$");

    @Test
    void theScriptCreatesEveryCatalogueTopicWithItsPartitionsAndNothingElse() {
        Map<String, Integer> scripted = new LinkedHashMap<>();
        Matcher matcher = CREATE.matcher(Repository.read("deploy/docker/create-topics.sh"));
        while (matcher.find()) {
            assertThat(scripted.put(matcher.group(1), Integer.parseInt(matcher.group(2))))
                    .as("%s listed twice", matcher.group(1))
                    .isNull();
        }
        assertThat(scripted).as(expectedLines()).isEqualTo(catalogue());
    }

    @Test
    void exactlyTheCompactedCatalogueTopicsAreCreatedCompacted() {
        Map<String, Boolean> compacted = new LinkedHashMap<>();
        Matcher matcher = CREATE.matcher(Repository.read("deploy/docker/create-topics.sh"));
        while (matcher.find()) {
            compacted.put(matcher.group(1), matcher.group(3) != null);
        }
        Map<String, Boolean> expected = new LinkedHashMap<>();
        Topics.ALL.forEach(spec -> expected.put(spec.name(), spec.compacted()));
        assertThat(compacted).isEqualTo(expected);
        assertThat(Repository.read("deploy/docker/create-topics.sh")).contains("--config \"cleanup.policy=$cleanup\"");
    }

    @Test
    void eachScriptedTopicAlsoGetsItsDeadLetterTopic() {
        String script = Repository.read("deploy/docker/create-topics.sh");
        assertThat(script).contains("for topic in \"$name\" \"$name" + TopicSpec.DLT_SUFFIX + "\"");
        assertThat(script).contains("--if-not-exists", "min.insync.replicas=$min_isr", "--replication-factor");
        assertThat(Topics.allNamesWithDlts()).hasSize(catalogue().size() * 2);
    }

    static Map<String, Integer> catalogue() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        Topics.ALL.forEach(spec -> topics.put(spec.name(), spec.partitions()));
        return topics;
    }

    /** What the script should list, printed when it drifted from the catalogue. */
    private static String expectedLines() {
        StringBuilder lines = new StringBuilder("create-topics.sh should list:\n");
        catalogue().forEach((name, partitions) -> lines.append("create_topic ")
                .append(name)
                .append(' ')
                .append(partitions)
                .append(Topics.byName(name).orElseThrow().compacted() ? " compact" : "")
                .append('\n'));
        return lines.toString();
    }
}
