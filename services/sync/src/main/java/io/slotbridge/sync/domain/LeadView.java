package io.slotbridge.sync.domain;

import io.slotbridge.contracts.crm.CrmUser;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.StageSemantic;
import java.time.Instant;
import java.util.Objects;

/**
 * The lead as the CRM last showed it, reduced to what the meeting rules read.
 *
 * @param meetingTime the meeting-time field, null when empty or unreadable
 * @param meetingTimeRaw the field as written, kept to explain an unreadable value
 * @param clientName the main contact's name, else the lead's name
 * @param bookedBy who made the last change (modified-by, else responsible), by name
 * @param bookedByRole that person's role in the tenant's people list, null when not listed
 */
public record LeadView(
        long version,
        String pipeline,
        String stage,
        StageSemantic stageSemantic,
        String lossReason,
        Instant meetingTime,
        String meetingTimeRaw,
        String expert,
        String category,
        String clientGoal,
        String clientName,
        String cardUrl,
        String bookedBy,
        String bookedByRole,
        Instant createdAt,
        Instant updatedAt) {

    static LeadView of(LeadSnapshotted snapshot, TenantPolicy policy) {
        TenantPolicy.Fields fields = policy.fields();
        String rawTime = blankToNull(snapshot.field(fields.meetingTime()));
        CrmUser booker = snapshot.modifiedBy() != null ? snapshot.modifiedBy() : snapshot.responsible();
        String role = booker == null
                ? null
                : policy.person(booker.email())
                        .or(() -> policy.person(booker.name()))
                        .map(TenantPolicy.Person::role)
                        .orElse(null);
        String contactName = snapshot.contact() == null
                ? null
                : blankToNull(snapshot.contact().name());
        String cardUrl = snapshot.cardUrl() != null
                ? snapshot.cardUrl()
                : policy.cardUrlTemplate() == null
                        ? null
                        : policy.cardUrlTemplate().replace("{leadId}", snapshot.leadId());
        return new LeadView(
                snapshot.version(),
                snapshot.pipeline(),
                snapshot.stage(),
                snapshot.stageSemantic(),
                blankToNull(snapshot.lossReason()),
                MeetingTimes.parse(rawTime, policy.zone()),
                rawTime,
                blankToNull(snapshot.field(fields.expert())),
                blankToNull(fields.category() == null ? null : snapshot.field(fields.category())),
                blankToNull(fields.clientGoal() == null ? null : snapshot.field(fields.clientGoal())),
                contactName != null ? contactName : blankToNull(snapshot.name()),
                cardUrl,
                booker == null ? null : booker.name(),
                role,
                snapshot.createdAt(),
                snapshot.updatedAt());
    }

    /** Stage 5 with the time and the expert filled in: a meeting is booked. */
    boolean booked(TenantPolicy policy) {
        return Objects.equals(stage, policy.stages().meetingScheduled()) && meetingTime != null && expert != null;
    }

    boolean lost(TenantPolicy policy) {
        return policy.isLostStage(stage, stageSemantic);
    }

    /** The stage in the comparable form of {@link LeadTarget.StageTarget#key()}. */
    String stageKey(TenantPolicy policy) {
        return lost(policy) ? LeadTarget.StageTarget.LOST_KEY : "stage:" + stage;
    }

    boolean sameDetails(LeadView other) {
        return Objects.equals(clientName, other.clientName)
                && Objects.equals(category, other.category)
                && Objects.equals(clientGoal, other.clientGoal)
                && Objects.equals(cardUrl, other.cardUrl);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
