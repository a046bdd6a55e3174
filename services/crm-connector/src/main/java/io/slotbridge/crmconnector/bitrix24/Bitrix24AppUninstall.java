package io.slotbridge.crmconnector.bitrix24;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmAppInstalled;
import io.slotbridge.contracts.crm.CrmAppUninstalled;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.crmconnector.app.OAuthConnect;
import io.slotbridge.crmconnector.app.OAuthConnect.InstallRefused;
import io.slotbridge.crmconnector.store.InstallationStore;
import io.slotbridge.crmconnector.store.TokenStore;
import io.slotbridge.platform.crypto.Secrets;
import io.slotbridge.platform.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Bitrix24 application was removed from a tenant's portal: the portal posts {@code ONAPPUNINSTALL} to the
 * handler the install bound ({@code /connect/bitrix24/<tenant>/uninstall}). It carries no OAuth tokens — the portal
 * has already withdrawn the application's API access — so the only proof is the one Bitrix24 documents: its
 * {@code auth[application_token]} and {@code auth[member_id]} match the stored installation (constant-time compare).
 * Then, in one transaction, the installation and the tenant's tokens are deleted (worthless now, and secrets we should
 * not keep) and the uninstall is appended to the outbox, so the gateway stops accepting the application token. The
 * tenant shows as not connected until the application is installed again.
 */
@Component
public class Bitrix24AppUninstall implements OAuthConnect.AppUninstall {

    static final String EVENT = "ONAPPUNINSTALL";

    private static final Logger log = LoggerFactory.getLogger(Bitrix24AppUninstall.class);

    private final TokenStore tokens;
    private final InstallationStore installations;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final Clock clock;

    public Bitrix24AppUninstall(
            TokenStore tokens,
            InstallationStore installations,
            OutboxWriter outbox,
            TransactionTemplate tx,
            MeterRegistry meters,
            Clock clock) {
        this.tokens = tokens;
        this.installations = installations;
        this.outbox = outbox;
        this.tx = tx;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Bitrix24Adapter.KIND;
    }

    @Override
    public String uninstall(String tenant, Map<String, String> form) {
        Bitrix24InstallEvent.requireEvent(form, EVENT, "uninstall");
        String memberId = Bitrix24InstallEvent.required(form, "auth[member_id]", "uninstall");
        String token = Bitrix24InstallEvent.required(form, "auth[application_token]", "uninstall");
        InstallationStore.Installation installed = installations
                .find(tenant)
                .orElseThrow(() -> new InstallRefused(
                        409, "no Bitrix24 application installation is stored for this tenant; nothing to remove"));
        // both compared, always: the answer's timing must not tell which of the two was wrong
        boolean tokenMatches = Secrets.constantTimeEquals(installed.applicationToken(), token);
        boolean memberMatches = Secrets.constantTimeEquals(installed.memberId(), memberId);
        if (!tokenMatches || !memberMatches) {
            throw new InstallRefused(
                    401, "auth[application_token] and auth[member_id] are not those of the stored installation");
        }
        boolean clean = "1".equals(form.get("data[CLEAN]"));
        Instant now = clock.instant();
        String digest = CrmAppInstalled.digestOf(token);
        tx.executeWithoutResult(status -> {
            installations.delete(tenant);
            tokens.delete(Bitrix24Credentials.CRM, tenant);
            outbox.append(
                    Topics.CRM_INSTALLATIONS,
                    new CrmAppUninstalled(
                            MessageIds.deterministic(tenant, "bitrix24-uninstall", memberId, digest),
                            tenant,
                            now,
                            CrmKind.BITRIX24,
                            memberId,
                            digest,
                            clean));
        });
        meters.counter("slotbridge.crm.bitrix24.uninstalled", "tenant", tenant).increment();
        log.warn(
                "tenant {}: Bitrix24 application uninstalled from portal {} (member {}{}); its tokens are deleted and"
                        + " the gateway refuses its events; install the application again to reconnect",
                tenant,
                installed.domain(),
                memberId,
                clean ? ", the user asked to clear its data" : "");
        return memberId;
    }
}
