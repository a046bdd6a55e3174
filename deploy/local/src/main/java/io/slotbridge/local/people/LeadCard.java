package io.slotbridge.local.people;

import java.time.Instant;

/** What a person reads on a lead's (or deal's) card in any CRM: the stage, the loss reason, the meeting time. */
public interface LeadCard {

    /** The stage by name. */
    String stage();

    /** The loss reason by name, null while the lead is not lost. */
    String lossReason();

    /** The value of the field {@code Дата и время встречи}, null when empty. */
    Instant meetingTime();
}
