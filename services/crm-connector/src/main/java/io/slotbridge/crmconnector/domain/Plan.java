package io.slotbridge.crmconnector.domain;

import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.crm.CrmCommand;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a command resolves to once names are ids: a lead change, a note, a call task, or a rejection. */
public sealed interface Plan {

    CrmCommand command();

    /**
     * @param pipelineId with {@code stageId}: where to move the lead (always sent together: amoCRM's 142/143 need it)
     * @param expected what the lead's snapshot will show afterwards, for echo detection
     */
    record LeadChange(
            CrmCommand command,
            String pipelineId,
            String stageId,
            String lossReasonId,
            List<FieldWrite> fields,
            Map<String, String> expected)
            implements Plan {
        public LeadChange {
            fields = List.copyOf(fields);
        }
    }

    record Note(CrmCommand command, String text) implements Plan {}

    /** @param responsibleUserId null: the lead's responsible user */
    record CallTask(CrmCommand command, String text, Instant dueAt, String responsibleUserId) implements Plan {}

    record Rejected(CrmCommand command, RejectionCode code, String reason) implements Plan {}
}
