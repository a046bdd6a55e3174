package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/**
 * One entity of one CRM webhook, reduced to the lead it concerns.
 *
 * <p>When the webhook does not say which lead (a Bitrix24 contact or activity event carries only the entity's own id;
 * an amoCRM contact without linked leads; a task on a contact), {@code leadId} is {@code <entity>-<entityId>}, e.g.
 * {@code contact-134806}, and {@code entityId} holds the id: the crm-connector resolves the leads and re-reads them.
 * Such a hint is keyed by that pseudo lead id, so it keeps the order of its own entity's changes.
 *
 * @param leadId the lead (Bitrix24: the tenant's {@code crm.entity}, deal by default), or {@code <entity>-<entityId>}
 *     when the webhook does not name one
 * @param entity what the webhook was about: {@code lead}, {@code deal}, {@code contact}, {@code company},
 *     {@code task}, {@code note}, {@code activity}, {@code calendar-entry}
 * @param action the webhook action as the CRM names it: {@code add}, {@code update}, {@code status}, {@code delete},
 *     {@code responsible}, {@code restore}, {@code note}
 * @param statusId the status/stage id the webhook claimed, if it carried one (a hint only)
 * @param pipelineId the pipeline/category id the webhook claimed, if any
 * @param oldStatusId the previous status id for status changes, if any
 * @param entityId id of the entity itself when it is not the lead (contact, task or note id), else null
 * @param rawEventId the {@code ingress.raw.v1} record this hint was parsed from
 * @param providerRequestId the provider's request id ({@code X-Amocrm-Requestid}) if present
 */
@JsonTypeName("lead.change-noticed")
public record LeadChangeNoticed(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        CrmKind crm,
        String entity,
        String action,
        String statusId,
        String pipelineId,
        String oldStatusId,
        String entityId,
        String rawEventId,
        String providerRequestId)
        implements LeadHint {

    public LeadChangeNoticed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(crm, "crm");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(action, "action");
    }

    /** True when the lead (or deal) itself was deleted. */
    @JsonIgnore
    public boolean isDeletion() {
        return ("lead".equals(entity) || "deal".equals(entity)) && "delete".equals(action);
    }
}
