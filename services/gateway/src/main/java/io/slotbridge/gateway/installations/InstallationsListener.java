package io.slotbridge.gateway.installations;

import io.slotbridge.contracts.crm.CrmAppInstalled;
import io.slotbridge.contracts.crm.CrmAppUninstalled;
import io.slotbridge.contracts.crm.CrmInstallation;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.gateway.bitrix24.domain.Bitrix24Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link InstallationRegistry} up to date from the compacted {@code crm.installations.v1}. Every gateway
 * instance needs every installation, so each one reads the topic from the beginning in a group of its own (a random
 * group id per start; nothing depends on its committed offsets). Outside the request path: a request only looks up
 * the map.
 */
@Component
public class InstallationsListener {

    private static final Logger log = LoggerFactory.getLogger(InstallationsListener.class);

    private final InstallationRegistry registry;

    public InstallationsListener(InstallationRegistry registry) {
        this.registry = registry;
    }

    @KafkaListener(
            id = "gateway.installations",
            topics = "#{T(io.slotbridge.contracts.Topics).CRM_INSTALLATIONS.name()}",
            groupId = "gateway-installations-${random.uuid}",
            properties = {"auto.offset.reset=earliest"},
            autoStartup = "${slotbridge.gateway.installations-enabled:true}")
    public void on(CrmInstallation installation) {
        if (installation instanceof CrmAppUninstalled uninstalled && uninstalled.crm() == CrmKind.BITRIX24) {
            boolean forgotten = registry.uninstalled(uninstalled);
            log.info(
                    "tenant {}: Bitrix24 application uninstalled from member {}; {}",
                    uninstalled.tenant(),
                    uninstalled.memberId(),
                    forgotten
                            ? "events with its application token are refused from now on"
                            : "not the installation this gateway holds (a reinstall replaced it), nothing changes");
        } else if (installation instanceof CrmAppInstalled installed && installed.crm() == CrmKind.BITRIX24) {
            registry.installed(
                    installed.tenant(),
                    new Bitrix24Installation(installed.memberId(), installed.applicationTokenSha256()));
            log.info(
                    "tenant {}: Bitrix24 application installation of portal {} (member {}) loaded; events with its"
                            + " application token are accepted",
                    installed.tenant(),
                    installed.domain(),
                    installed.memberId());
        }
    }
}
