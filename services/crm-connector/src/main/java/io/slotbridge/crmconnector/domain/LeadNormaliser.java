package io.slotbridge.crmconnector.domain;

import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.CrmUser;
import io.slotbridge.contracts.crm.LeadContact;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.crmconnector.domain.CrmLead.RawFieldValue;
import io.slotbridge.crmconnector.domain.CrmMetadata.CrmUserInfo;
import io.slotbridge.crmconnector.domain.CrmMetadata.CustomField;
import io.slotbridge.crmconnector.domain.CrmMetadata.Pipeline;
import io.slotbridge.crmconnector.domain.CrmMetadata.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a lead as the CRM returns it (ids) into the contract's snapshot (names): pipeline, stage and its semantic,
 * loss reason, users with e-mail, custom fields by name with normalised values, the main contact, the card link.
 */
public final class LeadNormaliser {

    private final CrmKind crm;
    private final FieldCodec codec;
    private final String cardUrlTemplate;

    public LeadNormaliser(CrmKind crm, FieldCodec codec, String cardUrlTemplate) {
        this.crm = crm;
        this.codec = codec;
        this.cardUrlTemplate = cardUrlTemplate;
    }

    /**
     * The snapshot, or the ids the metadata does not know yet (the caller refreshes metadata once and calls again with
     * {@code lenient}, which names unknown ids {@code #id} rather than failing).
     */
    public Result normalise(
            String tenant, CrmLead lead, CrmContact contact, CrmMetadata metadata, Instant now, boolean lenient) {
        List<String> unknown = new ArrayList<>();
        Optional<Pipeline> pipeline = metadata.pipelineById(lead.pipelineId());
        Optional<Stage> stage = pipeline.flatMap(p -> p.stageById(lead.stageId()));
        if (stage.isEmpty()) {
            unknown.add("stage " + lead.stageId() + " of pipeline " + lead.pipelineId());
        }
        String lossReason = null;
        if (lead.lossReasonId() != null) {
            lossReason = metadata.lossReasons().get(lead.lossReasonId());
            if (lossReason == null) {
                unknown.add("loss reason " + lead.lossReasonId());
                lossReason = "#" + lead.lossReasonId();
            }
        }
        Map<String, String> fields = new TreeMap<>();
        for (RawFieldValue raw : lead.fields()) {
            CustomField field = metadata.fields().get(raw.fieldId());
            if (field == null) {
                unknown.add("custom field " + raw.fieldId());
                continue;
            }
            String value = codec.normalise(field, raw.values());
            if (value != null) {
                fields.put(field.name(), value);
            }
        }
        CrmUser responsible = user(metadata, lead.responsibleUserId(), unknown);
        CrmUser modifiedBy = user(metadata, lead.modifiedByUserId(), unknown);
        if (!unknown.isEmpty() && !lenient) {
            return new Result(null, unknown);
        }
        StageSemantic semantic = stage.map(Stage::semantic).orElse(StageSemantic.OPEN);
        LeadSnapshotted snapshot = new LeadSnapshotted(
                "unpublished",
                tenant,
                lead.id(),
                now,
                crm,
                lead.updatedAt() == null ? 0 : lead.updatedAt().getEpochSecond(),
                lead.name(),
                pipeline.map(Pipeline::name).orElse("#" + lead.pipelineId()),
                stage.map(Stage::name).orElse("#" + lead.stageId()),
                semantic,
                semantic == StageSemantic.LOST ? lossReason : null,
                responsible,
                modifiedBy,
                lead.createdAt(),
                lead.updatedAt(),
                fields,
                contact(contact),
                cardUrlTemplate == null ? null : cardUrlTemplate.replace("{leadId}", lead.id()),
                List.of(),
                null);
        return new Result(snapshot, unknown);
    }

    /** {@code 0} is amoCRM's "robot or system" user. */
    private static CrmUser user(CrmMetadata metadata, String userId, List<String> unknown) {
        if (userId == null || userId.isEmpty() || userId.equals("0")) {
            return null;
        }
        CrmUserInfo info = metadata.users().get(userId);
        if (info == null) {
            unknown.add("user " + userId);
            return new CrmUser(userId, null, null);
        }
        return new CrmUser(info.id(), info.name(), info.email());
    }

    private static LeadContact contact(CrmContact contact) {
        if (contact == null) {
            return null;
        }
        String phone = contact.phones().stream()
                .map(Phones::normalise)
                .filter(p -> p != null)
                .findFirst()
                .orElse(null);
        String email = contact.emails().isEmpty() ? null : contact.emails().get(0);
        return new LeadContact(contact.id(), contact.name(), phone, email);
    }

    /** @param unknown ids the metadata did not know; empty when everything resolved */
    public record Result(LeadSnapshotted snapshot, List<String> unknown) {
        public boolean complete() {
            return snapshot != null && unknown.isEmpty();
        }
    }
}
