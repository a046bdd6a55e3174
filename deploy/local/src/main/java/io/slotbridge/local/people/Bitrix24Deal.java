package io.slotbridge.local.people;

import java.time.Instant;

/**
 * A deal card as a person reads it in Bitrix24: stage and loss reason by name, the meeting time.
 *
 * @param lossReason the item of the demo portal's {@value Bitrix24Person#LOSS_REASON_FIELD} list, null when empty
 */
public record Bitrix24Deal(long id, String stage, String lossReason, Instant meetingTime) implements LeadCard {}
