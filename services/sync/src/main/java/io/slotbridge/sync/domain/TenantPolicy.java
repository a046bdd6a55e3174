package io.slotbridge.sync.domain;

import io.slotbridge.contracts.crm.StageSemantic;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the decider needs to know about one tenant, by CRM names (stages, fields, loss reasons, people) and Google
 * colour ids. Built and validated from the tenants file by the config layer; the decider trusts it.
 *
 * @param pipeline the tenant's pipeline name; snapshots of leads in another pipeline are ignored (null = any)
 * @param cardUrlTemplate CRM card link with {@code {leadId}}, used when a snapshot carries no card URL
 */
public record TenantPolicy(
        String tenant,
        ZoneId zone,
        String pipeline,
        Stages stages,
        Fields fields,
        LossReasons lossReasons,
        List<Person> people,
        CalendarSettings calendar,
        Rules rules,
        String cardUrlTemplate) {

    public TenantPolicy {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(stages, "stages");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(lossReasons, "lossReasons");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(rules, "rules");
        people = people == null ? List.of() : List.copyOf(people);
    }

    /** CRM stage names by role. */
    public record Stages(String meetingScheduled, String meetingHeld, String noContact, String lost) {}

    /** CRM custom field names by role. */
    public record Fields(String meetingTime, String expert, String category, String clientGoal) {}

    public record LossReasons(String meetingCancelled, String noContact) {}

    /** @param role {@code expert}, {@code curator}, {@code call-centre}… */
    public record Person(String name, String email, String role) {}

    /**
     * @param colours Google {@code colorId} per status; null means the calendar default colour
     */
    public record CalendarSettings(
            String calendarId, Map<MeetingStatus, String> colours, int reminderMinutes, Duration meetingDuration) {

        public CalendarSettings {
            EnumMap<MeetingStatus, String> copy = new EnumMap<>(MeetingStatus.class);
            colours.forEach((status, colour) -> copy.put(status, colour == null || colour.isBlank() ? null : colour));
            colours = Collections.unmodifiableMap(copy);
        }
    }

    public enum GuestPolicy {
        /** Invite the expert only when a curator booked the meeting (ОП-14). */
        CURATOR,
        ALWAYS,
        NEVER
    }

    public enum TomatoPolicy {
        /** Tomato closes the lead as lost with the meeting-cancelled reason. */
        CLOSE_LOST,
        /** Tomato only leaves a note; a person closes the lead. */
        NOTE_ONLY
    }

    public record Rules(GuestPolicy inviteExpert, TomatoPolicy tomatoMeans, Duration bookingSla) {}

    /** The colour id of a status (null = calendar default). */
    public String colour(MeetingStatus status) {
        return calendar.colours().get(status);
    }

    /** The status a person means by painting a slot this colour; empty for colours with no meaning here. */
    public Optional<MeetingStatus> statusOf(String colorId) {
        String colour = colorId == null || colorId.isBlank() ? null : colorId;
        return calendar.colours().entrySet().stream()
                .filter(e -> Objects.equals(e.getValue(), colour))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public Optional<Person> person(String nameOrEmail) {
        if (nameOrEmail == null || nameOrEmail.isBlank()) {
            return Optional.empty();
        }
        String key = nameOrEmail.strip().toLowerCase(Locale.ROOT);
        return people.stream()
                .filter(p -> (p.email() != null
                                && p.email().toLowerCase(Locale.ROOT).equals(key))
                        || (p.name() != null
                                && p.name().strip().toLowerCase(Locale.ROOT).equals(key)))
                .findFirst();
    }

    public String emailOf(String personName) {
        return person(personName).map(Person::email).orElse(null);
    }

    /** Whether the expert is invited as a guest when the meeting was booked by someone with this role. */
    public boolean invitesExpert(String bookedByRole) {
        return switch (rules.inviteExpert()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case CURATOR -> "curator".equalsIgnoreCase(bookedByRole);
        };
    }

    /** The zone as the slot title names it: ОП-14 writes Moscow time as "мск". */
    public String zoneLabel() {
        if (zone.normalized().equals(ZoneId.of("Europe/Moscow").normalized())
                || "Europe/Moscow".equals(zone.getId())
                || "W-SU".equals(zone.getId())) {
            return "мск";
        }
        return zone.getId();
    }

    public boolean isLostStage(String stage, StageSemantic semantic) {
        return semantic == StageSemantic.LOST || Objects.equals(stage, stages.lost());
    }
}
