package io.slotbridge.followup.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The follow-up service's view of the shared tenant file (docs/tenant-configuration.md): only the keys it reads.
 * Template names are Russian phrases with spaces, which Spring's map binding would mangle, so
 * {@link TenantTemplatesReader} reads {@code followup.templates} separately.
 */
@ConfigurationProperties("slotbridge")
public record TenantsProperties(
        String publicBaseUrl, @DefaultValue Map<String, Tenant> tenants) {

    public record Tenant(
            @DefaultValue("Europe/Moscow") ZoneId timeZone,
            @DefaultValue Crm crm,
            @DefaultValue Map<String, String> stages,
            @DefaultValue Map<String, String> lossReasons,
            @DefaultValue Messaging messaging,
            @DefaultValue Followup followup) {}

    public record Crm(String pipeline) {}

    public record Messaging(@DefaultValue Wazzup wazzup) {}

    public record Wazzup(
            @DefaultValue("https://api.wazzup24.com") String baseUrl,
            String apiKey,
            String channelId,
            String webhookSecret) {

        @Override
        public String toString() {
            return "Wazzup[baseUrl=" + baseUrl + ", channelId=" + channelId + ", apiKey="
                    + (apiKey == null ? "unset" : "***") + ", webhookSecret="
                    + (webhookSecret == null ? "unset" : "***") + "]";
        }
    }

    public record Followup(
            @DefaultValue("classpath:followup/default-sequences.yml")
            String sequences,

            @DefaultValue WorkingHours workingHours,
            @DefaultValue("PT24H") Duration qualifiedIdle) {}

    public record WorkingHours(
            @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
            List<DayOfWeek> days,

            @DefaultValue("09:00") LocalTime from,
            @DefaultValue("20:00") LocalTime to) {}
}
