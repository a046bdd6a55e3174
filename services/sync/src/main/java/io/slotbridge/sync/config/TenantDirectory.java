package io.slotbridge.sync.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The part of the shared tenants file ({@code slotbridge.tenants}, docs/tenant-configuration.md) that sync reads.
 * Values are bound as text and checked by {@link TenantPolicies}, so a mistake is reported with its key.
 */
@ConfigurationProperties("slotbridge")
public record TenantDirectory(Map<String, Tenant> tenants) {

    public TenantDirectory {
        tenants = tenants == null ? Map.of() : new TreeMap<>(tenants);
    }

    public record Tenant(
            String timeZone,
            Crm crm,
            Map<String, String> stages,
            Map<String, String> fields,
            Map<String, String> lossReasons,
            List<Person> people,
            Calendar calendar,
            Rules rules) {

        public Tenant {
            stages = stages == null ? Map.of() : stages;
            fields = fields == null ? Map.of() : fields;
            lossReasons = lossReasons == null ? Map.of() : lossReasons;
            people = people == null ? List.of() : people;
        }
    }

    /** Only the non-secret bits sync needs; credentials are the connectors' business. */
    public record Crm(String cardUrlTemplate, String pipeline) {}

    public record Person(String name, String email, String role) {}

    public record Calendar(
            String calendarId, String reminderMinutes, String meetingDuration, Map<String, String> colors) {}

    public record Rules(String inviteExpertWhenBookedBy, String tomatoMeans, String bookingSla) {}
}
