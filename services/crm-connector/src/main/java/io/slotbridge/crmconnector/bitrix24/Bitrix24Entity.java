package io.slotbridge.crmconnector.bitrix24;

import java.util.List;
import java.util.Locale;

/** The Bitrix24 entity a tenant calls its lead ({@code crm.entity}): deals with pipelines, or leads with statuses. */
enum Bitrix24Entity {
    DEAL(2, "crm.deal", "STAGE_ID", "deal"),
    LEAD(1, "crm.lead", "STATUS_ID", "lead");

    /** crm.item / activity owner type. */
    final int entityTypeId;

    /** Method prefix of the classic API: {@code crm.deal.list}, {@code crm.deal.update}, {@code crm.deal.fields}. */
    final String methods;

    final String stageField;

    /** {@code ENTITY_TYPE} of timeline comments. */
    final String timelineType;

    Bitrix24Entity(int entityTypeId, String methods, String stageField, String timelineType) {
        this.entityTypeId = entityTypeId;
        this.methods = methods;
        this.stageField = stageField;
        this.timelineType = timelineType;
    }

    static Bitrix24Entity of(String setting) {
        if (setting == null || setting.isBlank() || setting.equalsIgnoreCase("deal")) {
            return DEAL;
        }
        if (setting.equalsIgnoreCase("lead")) {
            return LEAD;
        }
        throw new IllegalStateException("crm.entity must be deal or lead, not '" + setting + "'");
    }

    /** The {@code crm.status.list} dictionary of a pipeline's stages. */
    String stageDictionary(String pipelineId) {
        if (this == LEAD) {
            return "STATUS";
        }
        return pipelineId.equals("0") ? "DEAL_STAGE" : "DEAL_STAGE_" + pipelineId;
    }

    /** The events that tell us about changes: add, update, delete of the entity, and contact updates (phone). */
    List<String> events() {
        String prefix = eventPrefix();
        return List.of(prefix + "ADD", prefix + "UPDATE", prefix + "DELETE", "ONCRMCONTACTUPDATE");
    }

    /** What the entity's own event names start with: {@code ONCRMDEAL}, {@code ONCRMLEAD}. */
    String eventPrefix() {
        return "ONCRM" + name().toUpperCase(Locale.ROOT);
    }
}
