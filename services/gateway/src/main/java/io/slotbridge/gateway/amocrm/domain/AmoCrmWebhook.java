package io.slotbridge.gateway.amocrm.domain;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an amoCRM webhook body ({@code <entity>[<action>][<n>][<field>]=…}, legacy 2016 and modern formats, full and
 * ids-only shapes) into one {@link LeadChangeNoticed} per entity:
 *
 * <ul>
 *   <li>{@code leads[add|update|status|delete|responsible|restore]} → a hint for that lead with the status and
 *       pipeline it claimed; {@code leads[note]} → a hint with entity {@code note} for the note's lead;
 *   <li>{@code contacts[...]} (and companies) → one hint per linked lead ({@code linked_leads_id[<id>][ID]}), or
 *       one with lead id {@code contact-<id>} when none is listed, for the connector to resolve;
 *   <li>{@code task[...]} / {@code note[...]} on a lead → a hint for that lead with entity {@code task}/{@code note};
 *       on anything else → lead id {@code task-<id>} / {@code note-<id>}.
 * </ul>
 *
 * A body whose {@code account[subdomain]} names another account than the tenant's is refused: the secret was right,
 * so either the secret leaked or two tenants were mixed up, and neither may write into this tenant's leads.
 */
public final class AmoCrmWebhook {

    /** amoCRM's element_type code of leads in task and note payloads. */
    private static final String LEAD_ELEMENT_TYPE = "2";

    /** Sections amoCRM sends that carry nothing the sync follows (chats, unsorted, customers, catalogs). */
    private static final Set<String> IGNORED_SECTIONS =
            Set.of("unsorted", "message", "talk", "customers", "catalogs", "catalog");

    private AmoCrmWebhook() {}

    public static Parsed parse(HookRequest request, String configuredAccount) {
        FormNode form = PhpForm.parse(request.bodyText());
        String subdomain = form.text("account", "subdomain");
        if (subdomain != null && !sameAccount(configuredAccount, subdomain)) {
            return new Parsed.Refused("account[subdomain] '" + subdomain + "' is not the tenant's crm.account");
        }
        Hints hints = new Hints(request);
        boolean recognised = false;
        for (Map.Entry<String, FormNode> section : form.children().entrySet()) {
            recognised |= readSection(hints, section.getKey().toLowerCase(Locale.ROOT), section.getValue());
        }
        if (!recognised && subdomain == null) {
            return new Parsed.Unreadable("not an amoCRM webhook: no account[subdomain] and no leads, contacts, "
                    + "companies, tasks or notes section");
        }
        List<Outbound> out = new ArrayList<>();
        hints.all.forEach(hint -> out.add(Outbound.to(Topics.CRM_LEAD_HINTS, hint)));
        return new Parsed.Understood(out, out.isEmpty() ? "no lead-related entity" : null);
    }

    /** Adds the hints of one top-level section; false for sections amoCRM does not send (or not about entities). */
    private static boolean readSection(Hints hints, String name, FormNode section) {
        switch (name) {
            case "leads" -> eachItem(section, (action, item) -> leadHint(hints, action, item));
            case "contacts", "companies" ->
                eachItem(section, (action, item) -> contactHints(hints, name, action, item));
            case "task", "tasks" -> eachItem(section, (action, item) -> attached(hints, "task", action, item));
            case "note", "notes" -> eachItem(section, (action, item) -> attached(hints, "note", action, item));
            default -> {
                return IGNORED_SECTIONS.contains(name);
            }
        }
        return true;
    }

    private static boolean sameAccount(String configured, String subdomain) {
        if (configured == null || configured.isBlank()) {
            return true;
        }
        String account = configured.strip().toLowerCase(Locale.ROOT);
        String sub = subdomain.toLowerCase(Locale.ROOT);
        return account.equals(sub) || account.startsWith(sub + ".");
    }

    private interface ItemHandler {
        void handle(String action, FormNode item);
    }

    /** {@code <section>[<action>][<n>]}: every item of every action, in body order. */
    private static void eachItem(FormNode section, ItemHandler handler) {
        for (Map.Entry<String, FormNode> action : section.children().entrySet()) {
            for (Map.Entry<String, FormNode> item : action.getValue().children().entrySet()) {
                if (!item.getValue().hasChildren()) {
                    throw new MalformedBodyException(
                            "amoCRM item " + action.getKey() + "[" + item.getKey() + "] has no fields");
                }
                handler.handle(action.getKey().toLowerCase(Locale.ROOT), item.getValue());
            }
        }
    }

    private static void leadHint(Hints hints, String action, FormNode item) {
        if ("note".equals(action)) {
            FormNode note = item.at("note") != null ? item.at("note") : item;
            String leadId = required(note.text("element_id"), "leads[note] without note[element_id]");
            hints.add("note", action, leadId, note.text("id"), null, null, null);
            return;
        }
        String leadId = required(item.text("id"), "leads[" + action + "] item without id");
        hints.add(
                "lead",
                action,
                leadId,
                null,
                item.text("status_id"),
                item.text("pipeline_id"),
                item.text("old_status_id"));
    }

    private static void contactHints(Hints hints, String section, String action, FormNode item) {
        String entity =
                "companies".equals(section) || "company".equalsIgnoreCase(item.text("type")) ? "company" : "contact";
        if ("note".equals(action)) {
            FormNode note = item.at("note") != null ? item.at("note") : item;
            String id = required(note.text("element_id"), section + "[note] without note[element_id]");
            hints.add(entity, action, entity + "-" + id, id, null, null, null);
            return;
        }
        String id = required(item.text("id"), section + "[" + action + "] item without id");
        List<String> leads = linkedLeads(item.at("linked_leads_id"));
        if (leads.isEmpty()) {
            hints.add(entity, action, entity + "-" + id, id, null, null, null);
        }
        leads.forEach(leadId -> hints.add(entity, action, leadId, id, null, null, null));
    }

    /** {@code linked_leads_id[<leadId>][ID]=<leadId>}: keyed by lead id; older bodies list {@code [n]=<leadId>}. */
    private static List<String> linkedLeads(FormNode linked) {
        List<String> ids = new ArrayList<>();
        if (linked == null) {
            return ids;
        }
        for (Map.Entry<String, FormNode> entry : linked.children().entrySet()) {
            String id = entry.getValue().text("ID") != null
                    ? entry.getValue().text("ID")
                    : entry.getValue().text();
            if (id == null) {
                id = entry.getKey(); // an entry without a value is named by its key, which must then be the id
            }
            if (!isId(id)) {
                throw new MalformedBodyException("linked lead '" + id + "' is not an amoCRM id");
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Tasks and notes name what they are attached to: legacy element_id/element_type, modern entity_id/type. */
    private static void attached(Hints hints, String entity, String action, FormNode item) {
        String id = required(item.text("id"), entity + "[" + action + "] item without id");
        String elementId = item.text("element_id") != null ? item.text("element_id") : item.text("entity_id");
        String elementType = item.text("element_type") != null ? item.text("element_type") : item.text("entity_type");
        boolean onLead = LEAD_ELEMENT_TYPE.equals(elementType)
                || "leads".equalsIgnoreCase(elementType)
                || "lead".equalsIgnoreCase(elementType);
        String leadId = onLead && elementId != null ? elementId : entity + "-" + id;
        hints.add(entity, action, leadId, id, null, null, null);
    }

    /** amoCRM ids are positive integers; anything else would travel as a lead id no connector can read. */
    private static String required(String value, String problem) {
        if (value == null) {
            throw new MalformedBodyException(problem);
        }
        if (!isId(value)) {
            throw new MalformedBodyException("'" + value + "' is not an amoCRM id");
        }
        return value;
    }

    private static boolean isId(String value) {
        return !value.isEmpty() && value.length() <= 19 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Collects hints with ids that are stable across a redelivery of the same amoCRM request. */
    private static final class Hints {

        private final HookRequest request;
        private final List<LeadChangeNoticed> all = new ArrayList<>();

        Hints(HookRequest request) {
            this.request = request;
        }

        void add(
                String entity,
                String action,
                String leadId,
                String entityId,
                String statusId,
                String pipelineId,
                String oldStatusId) {
            String eventId = request.providerRequestId() == null
                    ? MessageIds.random()
                    : MessageIds.deterministic(
                            request.tenant(),
                            "amocrm",
                            request.providerRequestId(),
                            entity,
                            action,
                            String.valueOf(entityId),
                            leadId);
            all.add(new LeadChangeNoticed(
                    eventId,
                    request.tenant(),
                    leadId,
                    request.receivedAt(),
                    CrmKind.AMOCRM,
                    entity,
                    action,
                    statusId,
                    pipelineId,
                    oldStatusId,
                    entityId,
                    request.rawEventId(),
                    request.providerRequestId()));
        }
    }
}
