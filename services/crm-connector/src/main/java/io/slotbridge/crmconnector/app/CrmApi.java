package io.slotbridge.crmconnector.app;

import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.crmconnector.domain.CrmContact;
import io.slotbridge.crmconnector.domain.CrmLead;
import io.slotbridge.crmconnector.domain.CrmMetadata;
import io.slotbridge.crmconnector.domain.CrmNote;
import io.slotbridge.crmconnector.domain.LeadWrite;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The port every CRM adapter implements (amoCRM here, Bitrix24 beside it): reads in batches, batched writes, webhook
 * subscriptions. Implementations own their wire format, rate limit, retries and credentials; they throw
 * {@link CrmApiException} with a readable reason, {@link AccountBlockedException} while the account is blocked.
 */
public interface CrmApi {

    CrmKind kind();

    /** Pipelines with stages, lead custom fields with options, users, loss reasons. */
    CrmMetadata readMetadata();

    /** The leads that exist among {@code ids} (deleted ones are simply missing), batched by the adapter. */
    List<CrmLead> leadsByIds(Collection<String> ids);

    /** Every lead modified at or after {@code since}, page by page. */
    void leadsUpdatedSince(Instant since, Consumer<List<CrmLead>> page);

    List<CrmContact> contactsByIds(Collection<String> ids);

    /**
     * The leads a non-lead entity belongs to, for hints about contacts and tasks ({@code entity} as in
     * LeadChangeNoticed: contact, task…). Empty when the entity is gone or belongs to no lead.
     */
    List<String> leadIdsOf(String entity, String entityId);

    /** Lead notes by id. */
    List<CrmNote> notesByIds(Collection<String> noteIds);

    /** Largest number of items one write call may carry. */
    int maxWriteBatch();

    /** One call updating up to {@link #maxWriteBatch()} leads; one outcome per write, in order. */
    List<ItemOutcome> updateLeads(List<LeadWrite> writes);

    List<ItemOutcome> addNotes(List<NewNote> notes);

    List<ItemOutcome> addCallTasks(List<NewCallTask> tasks);

    List<Webhook> webhooks();

    Webhook installWebhook(String destination, List<String> events);

    void removeWebhook(String destination);

    /** A common (plain text) note to add to a lead. */
    record NewNote(String leadId, String text) {}

    record NewCallTask(String leadId, String text, Instant dueAt, String responsibleUserId) {}

    /** @param createdId the id of what the item created (note, task), when it created something */
    record ItemOutcome(String createdId, CrmApiException failure) {
        public static ItemOutcome ok(String createdId) {
            return new ItemOutcome(createdId, null);
        }

        public static ItemOutcome failed(CrmApiException failure) {
            return new ItemOutcome(null, failure);
        }

        public boolean succeeded() {
            return failure == null;
        }
    }

    record Webhook(String id, String destination, List<String> events, boolean disabled) {}
}
