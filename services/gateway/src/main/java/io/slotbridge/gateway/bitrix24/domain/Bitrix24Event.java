package io.slotbridge.gateway.bitrix24.domain;

import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.gateway.ingest.domain.FormNode;
import io.slotbridge.gateway.ingest.domain.HookRequest;
import io.slotbridge.gateway.ingest.domain.MalformedBodyException;
import io.slotbridge.gateway.ingest.domain.Outbound;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.PhpForm;
import java.util.List;
import java.util.Locale;

/**
 * Turns a Bitrix24 event post ({@code event=ONCRMDEALUPDATE&data[FIELDS][ID]=…&auth[application_token]=…}) into a
 * {@link LeadChangeNoticed}. Events carry only the entity id; the connector re-reads it. Event names are compared
 * without case (the docs show both {@code ONCRMACTIVITYADD} and {@code onCrmActivityAdd}).
 *
 * <p>The entity the tenant calls its lead ({@code crm.entity}, default {@code deal}) is published under its own id;
 * any other entity (contact, activity, calendar entry…) under lead id {@code <entity>-<id>} for the connector to
 * resolve. Events that concern no entity (app install, offline queue nudges) are archived only.
 */
public final class Bitrix24Event {

    /** Longest first, so {@code MOVETOCATEGORY} is not read as an entity name ending in {@code ADD}. */
    private static final List<String> ACTIONS = List.of("MOVETOCATEGORY", "SETUSERFIELD", "UPDATE", "DELETE", "ADD");

    private Bitrix24Event() {}

    public static Parsed parse(HookRequest request, String applicationToken, String memberId, String leadEntity) {
        return parse(request, new Bitrix24Trust(applicationToken, memberId, null), leadEntity);
    }

    public static Parsed parse(HookRequest request, Bitrix24Trust trust, String leadEntity) {
        FormNode form;
        try {
            form = PhpForm.parse(request.bodyText());
        } catch (MalformedBodyException e) {
            // the token is inside the body: an unreadable body is an unauthenticated one, and is not stored
            return new Parsed.Refused("body is not a readable form, so it carries no token: " + e.getMessage());
        }
        String refusal = trust.refusal(form.text("auth", "application_token"), form.text("auth", "member_id"));
        if (refusal != null) {
            return new Parsed.Refused(refusal);
        }
        String event = form.text("event");
        if (event == null) {
            return new Parsed.Unreadable("Bitrix24 post without an event name");
        }
        String name = event.toUpperCase(Locale.ROOT);
        String[] entityAndAction = entityAndAction(name);
        if (entityAndAction == null) {
            return new Parsed.Understood(List.of(), "event " + name + " concerns no CRM entity");
        }
        String id = firstOf(form.text("data", "FIELDS", "ID"), form.text("data", "id"), form.text("data", "ID"));
        if (id == null) {
            return new Parsed.Unreadable(name + " without data[FIELDS][ID], data[id] or data[ID]");
        }
        String entity = entityAndAction[0];
        String action = entityAndAction[1];
        String leadId = entity.equalsIgnoreCase(leadEntity) ? id : entity + "-" + id;
        LeadChangeNoticed hint = new LeadChangeNoticed(
                // Bitrix24 never re-sends an event, and ts is the send time: a (event, id, ts) triple is one delivery.
                MessageIds.deterministic(request.tenant(), "bitrix24", name, id, String.valueOf(form.text("ts"))),
                request.tenant(),
                leadId,
                request.receivedAt(),
                CrmKind.BITRIX24,
                entity,
                action,
                null,
                null,
                null,
                leadId.equals(id) ? null : id,
                request.rawEventId(),
                request.providerRequestId());
        return new Parsed.Understood(List.of(Outbound.to(Topics.CRM_LEAD_HINTS, hint)), null);
    }

    /** {@code ONCRMDEALUPDATE} → [deal, update]; {@code ONCALENDARENTRYADD} → [calendar-entry, add]; else null. */
    static String[] entityAndAction(String event) {
        String rest;
        String prefix;
        if (event.startsWith("ONCRM")) {
            rest = event.substring("ONCRM".length());
            prefix = "";
        } else if (event.startsWith("ONCALENDARENTRY")) {
            rest = event.substring("ONCALENDARENTRY".length());
            prefix = "calendar-entry";
        } else {
            return null;
        }
        for (String action : ACTIONS) {
            if (rest.endsWith(action)) {
                String entity = prefix.isEmpty()
                        ? rest.substring(0, rest.length() - action.length()).toLowerCase(Locale.ROOT)
                        : prefix;
                return entity.isEmpty() ? null : new String[] {entity, action.toLowerCase(Locale.ROOT)};
            }
        }
        return null;
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
