package io.slotbridge.followup.config;

import io.slotbridge.followup.client.WazzupAccount;
import io.slotbridge.followup.domain.Sequence;
import io.slotbridge.followup.domain.TemplateSpec;
import io.slotbridge.followup.domain.Trigger;
import io.slotbridge.followup.domain.WorkingCalendar;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant as the follow-up service uses it: parsed sequences, templates, working calendar, stage names and the
 * Wazzup account. Built and validated at startup.
 *
 * @param sequencesSource where the sequences were read from (for the admin API)
 * @param webhookSecret the secret path segment of {@code /hooks/wazzup/{tenant}/{secret}}
 */
public record FollowupTenant(
        String id,
        WorkingCalendar calendar,
        String sequencesSource,
        Map<String, Sequence> sequences,
        Map<String, TemplateSpec> templates,
        String qualifiedStage,
        String meetingScheduledStage,
        Map<String, String> lossReasons,
        String pipeline,
        Duration qualifiedIdle,
        WazzupAccount wazzup,
        String webhookSecret) {

    /** The first sequence started by {@code trigger}, if the tenant has one. */
    public Optional<Sequence> sequenceFor(Trigger trigger) {
        return sequences.values().stream().filter(s -> s.trigger() == trigger).findFirst();
    }

    public Optional<Sequence> sequence(String name) {
        return Optional.ofNullable(sequences.get(name));
    }

    /** A loss reason by role ({@code no-contact}) or, when no such role is configured, the name itself. */
    public String lossReasonName(String roleOrName) {
        return lossReasons.getOrDefault(roleOrName, roleOrName);
    }

    public Optional<TemplateSpec> template(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    @Override
    public String toString() {
        return "FollowupTenant[" + id + ", sequences=" + sequences.keySet() + ", " + wazzup + "]";
    }
}
