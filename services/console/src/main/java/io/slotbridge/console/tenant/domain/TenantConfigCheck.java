package io.slotbridge.console.tenant.domain;

import io.slotbridge.console.tenant.domain.TenantSettings.Auth;
import java.net.URI;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what the console can check of a tenant's configuration without calling anyone: required names present,
 * values well-formed, secrets set (never shown). The services check the rest (names that exist in the CRM) through
 * their {@code /admin/tenants/{tenant}/validation} endpoints.
 */
public final class TenantConfigCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> COLOR_IDS = Set.of("", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");

    private static final Map<String, String> REQUIRED_STAGES = Map.of(
            "qualified", "follow-up scenario A cannot tell qualified leads",
            "meeting-scheduled", "booked meetings cannot be recognised and slots will not be created",
            "meeting-held", "a Basil (held) slot cannot move the lead on",
            "lost", "a cancelled meeting or a finished follow-up cannot close the lead");
    private static final Map<String, String> REQUIRED_FIELDS = Map.of(
            "meeting-time", "meeting times cannot be read from or written to the lead",
            "expert", "the expert cannot be read, so slots get no guest and no expert in the title");
    private static final Map<String, String> REQUIRED_LOSS_REASONS = Map.of(
            "no-contact", "a finished follow-up cannot close the lead with the reason 'no contact'",
            "meeting-cancelled", "a Tomato (cancelled) slot cannot close the lead with a reason");
    private static final List<String> MEETING_STATES =
            List.of("scheduled", "confirmed", "held", "cancelled", "rescheduled", "no-contact");

    private TenantConfigCheck() {}

    public static List<ConfigProblem> check(String tenantId, TenantSettings tenant) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (tenantId.contains(":")) {
            problems.add(ConfigProblem.error(
                    "", "the tenant id '" + tenantId + "' contains ':', which Kafka keys use as a separator"));
        }
        if (blank(tenant.displayName())) {
            problems.add(ConfigProblem.warning("display-name", "no display name: screens will show the id instead"));
        }
        checkTimeZone(tenant.timeZone(), problems);
        checkCrm(tenant.crm(), problems);
        checkNamed("stages", tenant.stages(), REQUIRED_STAGES, problems);
        checkNamed("fields", tenant.fields(), REQUIRED_FIELDS, problems);
        checkNamed("loss-reasons", tenant.lossReasons(), REQUIRED_LOSS_REASONS, problems);
        checkPeople(tenant.people(), problems);
        checkCalendar(tenant.calendar(), problems);
        checkRules(tenant.rules(), problems);
        checkMessaging(tenant.messaging(), problems);
        checkFollowup(tenant.followup(), problems);
        return List.copyOf(problems);
    }

    private static void checkTimeZone(String zone, List<ConfigProblem> problems) {
        if (blank(zone)) {
            problems.add(ConfigProblem.error(
                    "time-zone", "no time zone: meeting times and working hours cannot be placed (use Europe/Moscow)"));
            return;
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(ConfigProblem.error(
                    "time-zone", "'" + zone + "' is not a time zone name (use a region such as Europe/Moscow)"));
        }
    }

    private static void checkCrm(TenantSettings.Crm crm, List<ConfigProblem> problems) {
        if (crm == null) {
            problems.add(ConfigProblem.error("crm", "no CRM configured: nothing can be synchronised"));
            return;
        }
        String kind = crm.kind() == null ? "" : crm.kind().toLowerCase(Locale.ROOT);
        if (!kind.equals("amocrm") && !kind.equals("bitrix24")) {
            problems.add(ConfigProblem.error(
                    "crm.kind", "CRM kind '" + show(crm.kind()) + "' is not supported (use amocrm or bitrix24)"));
        }
        checkUrl("crm.base-url", crm.baseUrl(), true, "the CRM cannot be called", problems);
        checkUrl(
                "crm.card-url-template",
                crm.cardUrlTemplate(),
                false,
                "slot descriptions and timelines get no link to the lead",
                problems);
        if (!blank(crm.cardUrlTemplate()) && !crm.cardUrlTemplate().contains("{leadId}")) {
            problems.add(ConfigProblem.error(
                    "crm.card-url-template",
                    "the card URL template has no {leadId} placeholder: every link would " + "point at the same page"));
        }
        if (blank(crm.account())) {
            problems.add(ConfigProblem.error("crm.account", "no account (amoCRM subdomain or Bitrix24 portal) set"));
        }
        if (blank(crm.pipeline())) {
            problems.add(ConfigProblem.error("crm.pipeline", "no pipeline name: stages cannot be resolved"));
        }
        if (kind.equals("amocrm")) {
            checkSecret(
                    "crm.webhook-secret",
                    crm.webhookSecret(),
                    "the amoCRM webhook URL carries no secret, so anyone could post fake webhooks",
                    problems);
        }
        if (kind.equals("bitrix24")) {
            checkSecret(
                    "crm.application-token",
                    crm.applicationToken(),
                    "Bitrix24 events cannot be verified (auth[application_token])",
                    problems);
        }
        checkAuth("crm.auth", crm.auth(), Set.of("oauth", "long-lived-token", "webhook-url", "static-token"), problems);
        checkPositiveNumber("crm.requests-per-second", crm.requestsPerSecond(), problems);
    }

    private static void checkAuth(String key, Auth auth, Set<String> modes, List<ConfigProblem> problems) {
        if (auth == null || blank(auth.mode())) {
            problems.add(ConfigProblem.error(key + ".mode", "no authentication mode set (one of " + modes + ")"));
            return;
        }
        String mode = auth.mode().toLowerCase(Locale.ROOT);
        if (!modes.contains(mode)) {
            problems.add(ConfigProblem.error(
                    key + ".mode", "authentication mode '" + auth.mode() + "' is not one of " + modes));
            return;
        }
        String why = "needed by authentication mode " + mode;
        switch (mode) {
            case "oauth" -> {
                checkSecret(key + ".client-id", auth.clientId(), why, problems);
                checkSecret(key + ".client-secret", auth.clientSecret(), why, problems);
            }
            case "long-lived-token" -> checkSecret(key + ".long-lived-token", auth.longLivedToken(), why, problems);
            case "webhook-url" -> checkSecret(key + ".webhook-url", auth.webhookUrl(), why, problems);
            case "static-token" -> {
                checkSecret(key + ".static-token", auth.staticToken(), why, problems);
                problems.add(ConfigProblem.warning(
                        key + ".mode", "static-token is meant for the sandbox and tests, not for a real account"));
            }
            case "service-account" -> {
                if (blank(auth.serviceAccountKeyFile())) {
                    problems.add(ConfigProblem.error(key + ".service-account-key-file", "missing: " + why));
                }
            }
            default -> {
                // every listed mode is handled above
            }
        }
    }

    private static void checkNamed(
            String section, Map<String, String> configured, Map<String, String> required, List<ConfigProblem> out) {
        required.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(role -> {
            if (blank(configured.get(role.getKey()))) {
                out.add(ConfigProblem.error(section + "." + role.getKey(), "not set: " + role.getValue()));
            }
        });
    }

    private static void checkPeople(List<TenantSettings.Person> people, List<ConfigProblem> problems) {
        if (people.stream().noneMatch(p -> "expert".equalsIgnoreCase(p.role()))) {
            problems.add(ConfigProblem.error(
                    "people", "no person with role expert: slots cannot invite anyone or show an expert"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            TenantSettings.Person person = people.get(i);
            String key = "people[" + i + "]";
            if (blank(person.name())) {
                problems.add(ConfigProblem.error(key + ".name", "a person without a name cannot be matched"));
            } else if (!names.add(person.name().strip())) {
                problems.add(ConfigProblem.error(
                        key + ".name", "'" + person.name() + "' is listed twice: the expert field cannot tell them"));
            }
            if (blank(person.email()) || !EMAIL.matcher(person.email()).matches()) {
                problems.add(ConfigProblem.error(
                        key + ".email",
                        "'" + show(person.email()) + "' is not an e-mail address: " + show(person.name())
                                + " cannot be invited to slots"));
            }
        }
    }

    private static void checkCalendar(TenantSettings.Calendar calendar, List<ConfigProblem> problems) {
        if (calendar == null) {
            problems.add(ConfigProblem.error("calendar", "no calendar configured: meetings get no slots"));
            return;
        }
        if (blank(calendar.calendarId())) {
            problems.add(ConfigProblem.error("calendar.calendar-id", "no calendar id: slots cannot be created"));
        }
        checkUrl("calendar.root-url", calendar.rootUrl(), false, "Google Calendar cannot be called", problems);
        checkSecret(
                "calendar.push-secret",
                calendar.pushSecret(),
                "Google push notifications cannot be verified, so calendar changes arrive only with the sweep",
                problems);
        checkAuth("calendar.auth", calendar.auth(), Set.of("service-account", "oauth", "static-token"), problems);
        calendar.colors().forEach((state, colorId) -> {
            if (!MEETING_STATES.contains(state)) {
                problems.add(ConfigProblem.warning(
                        "calendar.colors." + state,
                        "'" + state + "' is not a meeting state (known: " + String.join(", ", MEETING_STATES) + ")"));
            }
            if (!COLOR_IDS.contains(colorId == null ? "" : colorId.strip())) {
                problems.add(ConfigProblem.error(
                        "calendar.colors." + state,
                        "colour id '" + colorId + "' does not exist in Google Calendar (use 1-11, or empty for the "
                                + "calendar default)"));
            }
        });
        checkDuration("calendar.meeting-duration", calendar.meetingDuration(), problems);
        if (!blank(calendar.reminderMinutes())) {
            try {
                int minutes = Integer.parseInt(calendar.reminderMinutes().strip());
                if (minutes < 0 || minutes > 40320) {
                    problems.add(ConfigProblem.error(
                            "calendar.reminder-minutes", "Google accepts reminders of 0 to 40320 minutes"));
                }
            } catch (NumberFormatException e) {
                problems.add(ConfigProblem.error(
                        "calendar.reminder-minutes", "'" + calendar.reminderMinutes() + "' is not a whole number"));
            }
        }
    }

    private static void checkRules(TenantSettings.Rules rules, List<ConfigProblem> problems) {
        if (rules == null) {
            return;
        }
        checkOneOf(
                "rules.invite-expert-when-booked-by",
                rules.inviteExpertWhenBookedBy(),
                Set.of("curator", "always", "never"),
                problems);
        checkOneOf("rules.tomato-means", rules.tomatoMeans(), Set.of("close-lost", "note-only"), problems);
        checkDuration("rules.booking-sla", rules.bookingSla(), problems);
    }

    private static void checkMessaging(TenantSettings.Messaging messaging, List<ConfigProblem> problems) {
        if (messaging == null || messaging.wazzup() == null) {
            problems.add(ConfigProblem.warning(
                    "messaging.wazzup", "no Wazzup channel: follow-up runs cannot send WhatsApp templates"));
            return;
        }
        TenantSettings.Wazzup wazzup = messaging.wazzup();
        checkUrl("messaging.wazzup.base-url", wazzup.baseUrl(), true, "Wazzup cannot be called", problems);
        checkSecret("messaging.wazzup.api-key", wazzup.apiKey(), "Wazzup cannot be called", problems);
        if (blank(wazzup.channelId())) {
            problems.add(ConfigProblem.error("messaging.wazzup.channel-id", "no channel id: templates cannot be sent"));
        }
        checkSecret(
                "messaging.wazzup.webhook-secret",
                wazzup.webhookSecret(),
                "the Wazzup webhook URL carries no secret, so anyone could post fake replies",
                problems);
    }

    private static void checkFollowup(TenantSettings.Followup followup, List<ConfigProblem> problems) {
        if (followup == null) {
            return;
        }
        checkDuration("followup.qualified-idle", followup.qualifiedIdle(), problems);
        TenantSettings.WorkingHours hours = followup.workingHours();
        if (hours == null) {
            problems.add(ConfigProblem.warning(
                    "followup.working-hours", "no working hours: follow-up steps may run at night"));
            return;
        }
        if (hours.days() != null) {
            for (String day : hours.days()) {
                try {
                    DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(ConfigProblem.error(
                            "followup.working-hours.days", "'" + day + "' is not a day of the week (MONDAY…SUNDAY)"));
                }
            }
        }
        LocalTime from = time("followup.working-hours.from", hours.from(), problems);
        LocalTime to = time("followup.working-hours.to", hours.to(), problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(ConfigProblem.error(
                    "followup.working-hours", "working hours end (" + to + ") before they start (" + from + ")"));
        }
    }

    private static LocalTime time(String key, String value, List<ConfigProblem> problems) {
        if (blank(value)) {
            problems.add(ConfigProblem.error(key, "not set (use HH:mm, e.g. 09:00)"));
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(ConfigProblem.error(key, "'" + value + "' is not a time of day (use HH:mm, e.g. 09:00)"));
            return null;
        }
    }

    private static void checkSecret(String key, String value, String consequence, List<ConfigProblem> problems) {
        if (blank(value)) {
            problems.add(ConfigProblem.error(key, "not set: " + consequence));
            return;
        }
        Matcher placeholder = PLACEHOLDER.matcher(value);
        if (placeholder.find()) {
            problems.add(ConfigProblem.error(
                    key,
                    "refers to the environment variable " + placeholder.group(1) + ", which is not set: "
                            + consequence));
        }
    }

    private static void checkUrl(
            String key, String value, boolean required, String consequence, List<ConfigProblem> problems) {
        if (blank(value)) {
            if (required) {
                problems.add(ConfigProblem.error(key, "not set: " + consequence));
            }
            return;
        }
        Matcher placeholder = PLACEHOLDER.matcher(value);
        if (placeholder.find()) {
            problems.add(ConfigProblem.error(
                    key, "refers to " + placeholder.group(1) + ", which is not set: " + consequence));
            return;
        }
        try {
            URI uri = URI.create(value.replace("{leadId}", "0").strip());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add(ConfigProblem.error(key, "'" + value + "' is not an http(s) URL: " + consequence));
            }
        } catch (IllegalArgumentException e) {
            problems.add(ConfigProblem.error(key, "'" + value + "' is not a URL: " + consequence));
        }
    }

    private static void checkDuration(String key, String value, List<ConfigProblem> problems) {
        if (blank(value)) {
            return;
        }
        try {
            if (Duration.parse(value.strip()).isNegative()) {
                problems.add(ConfigProblem.error(key, "'" + value + "' is negative"));
            }
        } catch (DateTimeParseException e) {
            problems.add(ConfigProblem.error(
                    key, "'" + value + "' is not a duration (ISO-8601, e.g. P2D for two days, PT1H for an hour)"));
        }
    }

    private static void checkOneOf(String key, String value, Set<String> allowed, List<ConfigProblem> problems) {
        if (!blank(value) && !allowed.contains(value.strip())) {
            problems.add(ConfigProblem.error(key, "'" + value + "' is not one of " + allowed));
        }
    }

    private static void checkPositiveNumber(String key, String value, List<ConfigProblem> problems) {
        if (blank(value)) {
            return;
        }
        try {
            if (Double.parseDouble(value.strip()) <= 0) {
                problems.add(ConfigProblem.error(key, "must be greater than zero"));
            }
        } catch (NumberFormatException e) {
            problems.add(ConfigProblem.error(key, "'" + value + "' is not a number"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String show(String value) {
        return value == null ? "" : value;
    }
}
