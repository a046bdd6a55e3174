package io.slotbridge.gateway.installations;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.crm.CrmAppUninstalled;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.gateway.bitrix24.domain.Bitrix24Installation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstallationRegistryTest {

    static final String MEMBER = "9a1f68a4c3b0e1d2f7a6b5c4d3e2f1a0";
    static final String OLD = "1".repeat(64);
    static final String NEW = "2".repeat(64);

    final InstallationRegistry registry = new InstallationRegistry();

    @Test
    void an_uninstall_forgets_the_installation_it_names() {
        registry.installed("t", new Bitrix24Installation(MEMBER, OLD));

        assertThat(registry.uninstalled(uninstall("t", MEMBER, OLD))).isTrue();
        assertThat(registry.find("t")).isEmpty();
    }

    @Test
    void an_uninstall_of_an_earlier_installation_leaves_the_reinstalled_one_alone() {
        registry.installed("t", new Bitrix24Installation(MEMBER, OLD));
        registry.installed("t", new Bitrix24Installation(MEMBER, NEW));

        assertThat(registry.uninstalled(uninstall("t", MEMBER, OLD))).isFalse();
        assertThat(registry.uninstalled(uninstall("t", "another-portal", NEW))).isFalse();
        assertThat(registry.uninstalled(uninstall("other", MEMBER, NEW))).isFalse();
        assertThat(registry.find("t")).contains(new Bitrix24Installation(MEMBER, NEW));
    }

    private static CrmAppUninstalled uninstall(String tenant, String memberId, String digest) {
        return new CrmAppUninstalled("u-" + tenant, tenant, Instant.EPOCH, CrmKind.BITRIX24, memberId, digest, false);
    }
}
