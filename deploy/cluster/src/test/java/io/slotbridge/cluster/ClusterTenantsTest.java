package io.slotbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The cluster test's tenant must stay the demo tenant of deploy/tenants/demo.yml apart from the few keys it speeds up
 * on purpose; a drift (a fix made in demo.yml only) would make ClusterIT fail for reasons no service has.
 */
class ClusterTenantsTest {

    /** What cluster-tenants.yml changes on purpose: budgets for hundreds of leads, follow-up without waiting. */
    private static final Set<String> CHANGED = Set.of(
            "crm.requests-per-second",
            "crm.burst",
            "calendar.requests-per-second",
            "followup.working-hours",
            "followup.qualified-idle");

    @Test
    void theClusterTenantIsTheDemoTenantWithOnlyBudgetsAndFollowUpTimingChanged() throws IOException {
        Map<String, Object> demo;
        try (InputStream in = Files.newInputStream(Path.of("../../deploy/tenants/demo.yml"))) {
            demo = comparable(in);
        }
        Map<String, Object> cluster;
        try (InputStream in = ClusterTenantsTest.class.getResourceAsStream("/cluster-tenants.yml")) {
            cluster = comparable(in);
        }

        assertThat(cluster).isNotEmpty().isEqualTo(demo);
    }

    /** The demo tenant's keys, flattened, without the ones changed on purpose. */
    private static Map<String, Object> comparable(InputStream yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        Map<String, Object> flat = new TreeMap<>();
        flatten("", child(child(child(root, "slotbridge"), "tenants"), SandboxApi.TENANT), flat);
        flat.keySet().removeIf(key -> CHANGED.stream().anyMatch(changed -> key.startsWith(changed)));
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> node, String key) {
        return (Map<String, Object>) node.get(key);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> node, Map<String, Object> into) {
        node.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten(prefix + key + ".", (Map<String, Object>) nested, into);
            } else {
                into.put(prefix + key, value);
            }
        });
    }
}
