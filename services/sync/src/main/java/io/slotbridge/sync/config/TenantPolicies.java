package io.slotbridge.sync.config;

import io.slotbridge.sync.domain.MeetingStatus;
import io.slotbridge.sync.domain.TenantPolicy;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every tenant's {@link TenantPolicy}, checked once at startup. All problems of all tenants are reported together,
 * each naming the tenant and the key, so an administrator fixes the file in one go.
 */
public final class TenantPolicies {

    /** ОП-14's colour code (Google colour ids); a tenant may override each one. */
    static final Map<String, MeetingStatus> COLOUR_KEYS = Map.of(
            "scheduled", MeetingStatus.SCHEDULED,
            "confirmed", MeetingStatus.CONFIRMED,
            "held", MeetingStatus.HELD,
            "cancelled", MeetingStatus.CANCELLED,
            "rescheduled", MeetingStatus.RESCHEDULED,
            "no-contact", MeetingStatus.NO_CONTACT);

    private static final Map<MeetingStatus, String> DEFAULT_COLOURS = Map.of(
            MeetingStatus.SCHEDULED, "",
            MeetingStatus.CONFIRMED, "5",
            MeetingStatus.HELD, "10",
            MeetingStatus.CANCELLED, "11",
            MeetingStatus.RESCHEDULED, "3",
            MeetingStatus.NO_CONTACT, "8");

    private static final Duration MAX_MEETING = Duration.ofHours(24);
    private static final int MAX_REMINDER_MINUTES = 40_320; // Google's limit: four weeks

    private final Map<String, TenantPolicy> policies;

    private TenantPolicies(Map<String, TenantPolicy> policies) {
        this.policies = Map.copyOf(policies);
    }

    /** Validates every tenant; throws {@link TenantConfigurationException} listing all problems. */
    public static TenantPolicies from(TenantDirectory directory) {
        List<String> problems = new ArrayList<>();
        Map<String, TenantPolicy> policies = new LinkedHashMap<>();
        directory.tenants().forEach((tenant, settings) -> {
            Problems found = new Problems(tenant);
            TenantPolicy policy = build(tenant, settings, found);
            if (found.list.isEmpty()) {
                policies.put(tenant, policy);
            }
            problems.addAll(found.list);
        });
        if (!problems.isEmpty()) {
            throw new TenantConfigurationException(problems);
        }
        return new TenantPolicies(policies);
    }

    public Optional<TenantPolicy> find(String tenant) {
        return Optional.ofNullable(policies.get(tenant));
    }

    public Set<String> tenants() {
        return policies.keySet();
    }

    private static TenantPolicy build(String tenant, TenantDirectory.Tenant settings, Problems problems) {
        if (tenant.contains(":")) {
            problems.add("", "the tenant id may not contain ':' (it is part of Kafka keys)");
        }
        if (settings == null) {
            problems.add("", "has no settings");
            return null;
        }
        ZoneId zone = zone(settings.timeZone(), problems);
        TenantPolicy.Stages stages = new TenantPolicy.Stages(
                required(settings.stages(), "stages", "meeting-scheduled", problems),
                required(settings.stages(), "stages", "meeting-held", problems),
                required(settings.stages(), "stages", "no-contact", problems),
                required(settings.stages(), "stages", "lost", problems));
        distinct(
                problems, "stages", stages.meetingScheduled(), stages.meetingHeld(), stages.noContact(), stages.lost());
        TenantPolicy.Fields fields = new TenantPolicy.Fields(
                required(settings.fields(), "fields", "meeting-time", problems),
                required(settings.fields(), "fields", "expert", problems),
                optional(settings.fields(), "category"),
                optional(settings.fields(), "client-goal"));
        TenantPolicy.LossReasons lossReasons = new TenantPolicy.LossReasons(
                required(settings.lossReasons(), "loss-reasons", "meeting-cancelled", problems),
                optional(settings.lossReasons(), "no-contact"));
        List<TenantPolicy.Person> people = people(settings.people(), problems);
        TenantPolicy.CalendarSettings calendar = calendar(settings.calendar(), problems);
        TenantPolicy.Rules rules = rules(settings.rules(), problems);
        TenantDirectory.Crm crm = settings.crm();
        String cardUrlTemplate = crm == null ? null : blankToNull(crm.cardUrlTemplate());
        if (cardUrlTemplate != null && !cardUrlTemplate.contains("{leadId}")) {
            problems.add(
                    "crm.card-url-template",
                    "must contain {leadId}, e.g. https://demo.amocrm.ru/leads/detail/{leadId}");
        }
        if (!problems.list.isEmpty()) {
            return null;
        }
        return new TenantPolicy(
                tenant,
                zone,
                crm == null ? null : blankToNull(crm.pipeline()),
                stages,
                fields,
                lossReasons,
                people,
                calendar,
                rules,
                cardUrlTemplate);
    }

    private static ZoneId zone(String value, Problems problems) {
        if (value == null || value.isBlank()) {
            return ZoneId.of("Europe/Moscow");
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            problems.add("time-zone", "'" + value + "' is not a time zone id (e.g. Europe/Moscow)");
            return null;
        }
    }

    private static List<TenantPolicy.Person> people(List<TenantDirectory.Person> people, Problems problems) {
        List<TenantPolicy.Person> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            TenantDirectory.Person person = people.get(i);
            String key = "people[" + i + "]";
            if (person == null || blankToNull(person.name()) == null) {
                problems.add(key + ".name", "is missing (the expert field's values are these names)");
                continue;
            }
            String name = person.name().strip();
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(key + ".name", "'" + name + "' is listed twice");
            }
            String role = blankToNull(person.role());
            if (role == null) {
                problems.add(key + ".role", "is missing for '" + name + "' (expert, curator or call-centre)");
            }
            String email = blankToNull(person.email());
            if ("expert".equalsIgnoreCase(role) && email == null) {
                problems.add(key + ".email", "is missing for expert '" + name + "': experts are invited by e-mail");
            } else if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
                problems.add(key + ".email", "'" + email + "' is not an e-mail address");
            }
            result.add(new TenantPolicy.Person(name, email, role));
        }
        return result;
    }

    private static TenantPolicy.CalendarSettings calendar(TenantDirectory.Calendar calendar, Problems problems) {
        if (calendar == null) {
            problems.add("calendar", "is missing (calendar.calendar-id at least)");
            return null;
        }
        String calendarId = blankToNull(calendar.calendarId());
        if (calendarId == null) {
            problems.add("calendar.calendar-id", "is missing");
        }
        int reminder = 15;
        if (blankToNull(calendar.reminderMinutes()) != null) {
            try {
                reminder = Integer.parseInt(calendar.reminderMinutes().strip());
                if (reminder < 0 || reminder > MAX_REMINDER_MINUTES) {
                    problems.add("calendar.reminder-minutes", "must be between 0 and " + MAX_REMINDER_MINUTES);
                }
            } catch (NumberFormatException e) {
                problems.add("calendar.reminder-minutes", "'" + calendar.reminderMinutes() + "' is not a number");
            }
        }
        Duration duration =
                duration(calendar.meetingDuration(), Duration.ofHours(1), "calendar.meeting-duration", problems);
        if (duration != null && duration.compareTo(MAX_MEETING) > 0) {
            problems.add("calendar.meeting-duration", "must not exceed " + MAX_MEETING);
        }
        return new TenantPolicy.CalendarSettings(calendarId, colours(calendar.colors(), problems), reminder, duration);
    }

    private static Map<MeetingStatus, String> colours(Map<String, String> configured, Problems problems) {
        Map<MeetingStatus, String> colours = new EnumMap<>(DEFAULT_COLOURS);
        if (configured != null) {
            configured.forEach((key, value) -> {
                MeetingStatus status = COLOUR_KEYS.get(key);
                if (status == null) {
                    problems.add(
                            "calendar.colors." + key,
                            "is not a meeting state; use "
                                    + String.join(", ", new java.util.TreeSet<>(COLOUR_KEYS.keySet())));
                    return;
                }
                String colour = value == null ? "" : value.strip();
                if (!colour.isEmpty() && !colour.matches("[1-9]|1[01]")) {
                    problems.add(
                            "calendar.colors." + key,
                            "'" + value
                                    + "' is not a Google event colour id (1..11, or \"\" for the calendar default)");
                    return;
                }
                colours.put(status, colour);
            });
        }
        Map<String, MeetingStatus> seen = new HashMap<>();
        colours.forEach((status, colour) -> {
            MeetingStatus other = seen.putIfAbsent(colour, status);
            if (other != null) {
                problems.add(
                        "calendar.colors",
                        "'" + key(other) + "' and '" + key(status) + "' share colour '" + colour
                                + "': a person's colour must say one thing");
            }
        });
        return colours;
    }

    private static String key(MeetingStatus status) {
        return COLOUR_KEYS.entrySet().stream()
                .filter(e -> e.getValue() == status)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(status.name());
    }

    private static TenantPolicy.Rules rules(TenantDirectory.Rules rules, Problems problems) {
        String invite = rules == null || blankToNull(rules.inviteExpertWhenBookedBy()) == null
                ? "curator"
                : rules.inviteExpertWhenBookedBy().strip();
        TenantPolicy.GuestPolicy guestPolicy =
                switch (invite) {
                    case "curator" -> TenantPolicy.GuestPolicy.CURATOR;
                    case "always" -> TenantPolicy.GuestPolicy.ALWAYS;
                    case "never" -> TenantPolicy.GuestPolicy.NEVER;
                    default -> {
                        problems.add(
                                "rules.invite-expert-when-booked-by",
                                "'" + invite + "' must be curator, always or never");
                        yield null;
                    }
                };
        String tomato = rules == null || blankToNull(rules.tomatoMeans()) == null
                ? "close-lost"
                : rules.tomatoMeans().strip();
        TenantPolicy.TomatoPolicy tomatoPolicy =
                switch (tomato) {
                    case "close-lost" -> TenantPolicy.TomatoPolicy.CLOSE_LOST;
                    case "note-only" -> TenantPolicy.TomatoPolicy.NOTE_ONLY;
                    default -> {
                        problems.add("rules.tomato-means", "'" + tomato + "' must be close-lost or note-only");
                        yield null;
                    }
                };
        Duration sla =
                duration(rules == null ? null : rules.bookingSla(), Duration.ofDays(2), "rules.booking-sla", problems);
        return new TenantPolicy.Rules(guestPolicy, tomatoPolicy, sla);
    }

    private static Duration duration(String value, Duration fallback, String key, Problems problems) {
        if (blankToNull(value) == null) {
            return fallback;
        }
        try {
            Duration parsed = Duration.parse(value.strip());
            if (parsed.isNegative() || parsed.isZero()) {
                problems.add(key, "must be positive");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            problems.add(key, "'" + value + "' is not an ISO-8601 duration (e.g. PT1H, P2D)");
            return null;
        }
    }

    private static String required(Map<String, String> section, String sectionName, String key, Problems problems) {
        String value = optional(section, key);
        if (value == null) {
            problems.add(
                    sectionName + "." + key,
                    "is missing (the CRM name of this "
                            + sectionName.replace("-", " ").replaceAll("s$", "") + ")");
        }
        return value;
    }

    private static String optional(Map<String, String> section, String key) {
        return section == null ? null : blankToNull(section.get(key));
    }

    private static void distinct(Problems problems, String section, String... names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name != null && !seen.add(name)) {
                problems.add(section, "'" + name + "' is used for two roles; each role needs its own stage");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final class Problems {
        private final String tenant;
        private final List<String> list = new ArrayList<>();

        Problems(String tenant) {
            this.tenant = tenant;
        }

        void add(String key, String message) {
            list.add("tenant '" + tenant + "': " + (key.isEmpty() ? "" : key + " ") + message);
        }
    }
}
