package io.slotbridge.crmconnector.store;

import io.slotbridge.platform.crypto.SecretBox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The verified Bitrix24 application installation per tenant: its {@code application_token} and {@code member_id},
 * encrypted with the platform SecretBox (associated data {@code bitrix24:<tenant>:application-token|member-id}, so a
 * value copied to another row does not decrypt). A reinstall replaces the row, an uninstall deletes it.
 */
@Repository
public class InstallationStore {

    private static final String CRM = "bitrix24";

    private final JdbcTemplate jdbc;
    private final ObjectProvider<SecretBox> box;

    public InstallationStore(JdbcTemplate jdbc, ObjectProvider<SecretBox> box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** Plain values; never log this record (its toString hides the token). */
    public record Installation(String memberId, String domain, String applicationToken, Instant installedAt) {
        @Override
        public String toString() {
            return "Installation[memberId=" + memberId + ", domain=" + domain + ", installedAt=" + installedAt
                    + ", applicationToken=***]";
        }
    }

    public void save(String tenant, Installation installation) {
        jdbc.update(
                "insert into bitrix24_installation (tenant, member_id, domain, application_token, installed_at)"
                        + " values (?, ?, ?, ?, ?)"
                        + " on conflict (tenant) do update set member_id = excluded.member_id,"
                        + " domain = excluded.domain, application_token = excluded.application_token,"
                        + " installed_at = excluded.installed_at",
                tenant,
                box.getObject().encrypt(installation.memberId(), aad(tenant, "member-id")),
                installation.domain(),
                box.getObject().encrypt(installation.applicationToken(), aad(tenant, "application-token")),
                Timestamp.from(installation.installedAt()));
    }

    public boolean delete(String tenant) {
        return jdbc.update("delete from bitrix24_installation where tenant = ?", tenant) > 0;
    }

    /** Whether the tenant has an installation, without decrypting it. */
    public boolean exists(String tenant) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from bitrix24_installation where tenant = ?)", Boolean.class, tenant));
    }

    public Optional<Installation> find(String tenant) {
        return jdbc
                .query(
                        "select member_id, domain, application_token, installed_at from bitrix24_installation"
                                + " where tenant = ?",
                        (rs, i) -> new Installation(
                                box.getObject().decrypt(rs.getString(1), aad(tenant, "member-id")),
                                rs.getString(2),
                                box.getObject().decrypt(rs.getString(3), aad(tenant, "application-token")),
                                rs.getTimestamp(4).toInstant()),
                        tenant)
                .stream()
                .findFirst();
    }

    private static String aad(String tenant, String what) {
        return CRM + ":" + tenant + ":" + what;
    }
}
