package io.slotbridge.calendarconnector.slot.domain;

import io.slotbridge.contracts.calendar.SlotLinkProperties;
import java.util.Optional;

/**
 * Which lead an event belongs to: our private extended properties first (every slot we create carries them), else the
 * CRM card link in the description (a slot a person created by hand), else what we knew about the event before (a
 * deleted event comes back from incremental sync with its id and status only).
 */
public final class LeadLinkResolver {

    private final String tenant;
    private final CardUrlPattern cardUrls;

    public LeadLinkResolver(String tenant, CardUrlPattern cardUrls) {
        this.tenant = tenant;
        this.cardUrls = cardUrls;
    }

    /** @param known the link recorded for this event id earlier, or null */
    public Optional<LeadLink> resolve(CalendarEntry entry, LeadLink known) {
        String lead = entry.privateProperty(SlotLinkProperties.LEAD);
        if (tenant.equals(entry.privateProperty(SlotLinkProperties.TENANT)) && lead != null && !lead.isBlank()) {
            return Optional.of(new LeadLink(lead, meetingNumber(entry)));
        }
        Optional<LeadLink> fromDescription =
                cardUrls.findLeadId(entry.description()).map(id -> new LeadLink(id, null));
        if (fromDescription.isPresent()) {
            return fromDescription;
        }
        return Optional.ofNullable(known);
    }

    private static Integer meetingNumber(CalendarEntry entry) {
        String value = entry.privateProperty(SlotLinkProperties.MEETING_NUMBER);
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
