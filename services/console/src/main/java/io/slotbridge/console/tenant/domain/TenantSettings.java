package io.slotbridge.console.tenant.domain;

import java.util.List;
import java.util.Map;

/**
 * The console's view of one tenant of {@code slotbridge.tenants} (docs/tenant-configuration.md). Every leaf is kept
 * as text so a bad value becomes a problem the console can explain instead of a start-up failure; secrets are only
 * checked for presence and never printed.
 */
public record TenantSettings(
        String displayName,
        String timeZone,
        Crm crm,
        Map<String, String> stages,
        Map<String, String> fields,
        Map<String, String> lossReasons,
        List<Person> people,
        Calendar calendar,
        Rules rules,
        Messaging messaging,
        Followup followup) {

    public TenantSettings {
        stages = stages == null ? Map.of() : Map.copyOf(stages);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        lossReasons = lossReasons == null ? Map.of() : Map.copyOf(lossReasons);
        people = people == null ? List.of() : List.copyOf(people);
    }

    public record Crm(
            String kind,
            String baseUrl,
            String cardUrlTemplate,
            String account,
            String webhookSecret,
            String applicationToken,
            String memberId,
            String entity,
            Auth auth,
            String requestsPerSecond,
            String burst,
            String pipeline) {

        @Override
        public String toString() {
            return "Crm[" + kind + ", " + account + ", " + baseUrl + ", secrets=***]";
        }
    }

    public record Auth(
            String mode,
            String clientId,
            String clientSecret,
            String redirectUri,
            String longLivedToken,
            String webhookUrl,
            String staticToken,
            String serviceAccountKeyFile,
            String delegatedUser) {

        @Override
        public String toString() {
            return "Auth[" + mode + ", secrets=***]";
        }
    }

    public record Person(String name, String email, String role) {}

    public record Calendar(
            String provider,
            String calendarId,
            String rootUrl,
            String pushSecret,
            Auth auth,
            String sendUpdates,
            String meetingDuration,
            String reminderMinutes,
            Map<String, String> colors) {

        public Calendar {
            colors = colors == null ? Map.of() : Map.copyOf(colors);
        }

        @Override
        public String toString() {
            return "Calendar[" + provider + ", " + calendarId + ", secrets=***]";
        }
    }

    public record Rules(String inviteExpertWhenBookedBy, String tomatoMeans, String bookingSla) {}

    public record Messaging(Wazzup wazzup) {}

    public record Wazzup(String baseUrl, String apiKey, String channelId, String webhookSecret) {

        @Override
        public String toString() {
            return "Wazzup[" + baseUrl + ", " + channelId + ", secrets=***]";
        }
    }

    public record Followup(String sequences, WorkingHours workingHours, String qualifiedIdle) {}

    public record WorkingHours(List<String> days, String from, String to) {}
}
