package io.slotbridge.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbridge.contracts.calendar.SlotLinkProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The people of the demo school, working through the sandbox's public APIs: managers create leads and book meetings
 * in amoCRM, experts paint their slots in Google Calendar, managers close or move meetings in the CRM. Each lead
 * follows one {@link Scenario}; each person acts once per lead.
 */
final class DemoPeople {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PIPELINE = 8_000_001;
    private static final long FIELD_MEETING_TIME = 970_001;
    private static final long FIELD_EXPERT = 970_002;
    private static final long FIELD_CATEGORY = 970_003;
    private static final long FIELD_CLIENT_GOAL = 970_004;
    private static final long[] EXPERTS = {971_001, 971_002, 971_003};
    private static final long[] CATEGORIES = {971_011, 971_012, 971_013};
    private static final long LOSS_REASON_MEETING_CANCELLED = 7_000_002;

    private final SandboxApi sandbox;
    private final Instant firstMeetingDay =
            Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    private final Map<Long, DemoLead> leads = new ConcurrentHashMap<>();
    private final Set<Long> actedOn = ConcurrentHashMap.newKeySet();

    DemoPeople(SandboxApi sandbox) {
        this.sandbox = sandbox;
    }

    Map<Long, DemoLead> leads() {
        return Map.copyOf(leads);
    }

    int actions() {
        return actedOn.size();
    }

    /** Creates {@code count} clients and their leads, numbered from {@code first}, and books the meetings. */
    void createAndBook(int first, int count) {
        ArrayNode contacts = JSON.createArrayNode();
        List<String> phones = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            String phone = String.format("7900%07d", n);
            phones.add(phone);
            ObjectNode contact = contacts.addObject().put("name", "Клиент " + n);
            ObjectNode phoneField =
                    contact.putArray("custom_fields_values").addObject().put("field_code", "PHONE");
            phoneField.putArray("values").addObject().put("value", "+" + phone).put("enum_code", "MOB");
        }
        List<Long> contactIds = sandbox.createContacts(contacts);

        ArrayNode drafts = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            Scenario scenario = Scenario.of(first + i);
            ObjectNode lead = drafts.addObject()
                    .put("name", "Заявка " + (first + i))
                    .put("pipeline_id", PIPELINE)
                    .put("status_id", scenario.booked() ? Scenario.Stage.FIRST_CONTACT : Scenario.Stage.QUALIFIED);
            lead.putObject("_embedded").putArray("contacts").addObject().put("id", contactIds.get(i));
        }
        List<Long> ids = sandbox.createLeads(drafts);

        ArrayNode bookings = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            int n = first + i;
            Scenario scenario = Scenario.of(n);
            Instant meeting = firstMeetingDay.plus(n % 9, ChronoUnit.HOURS);
            Instant moved = meeting.plus(25, ChronoUnit.HOURS);
            leads.put(ids.get(i), new DemoLead(ids.get(i), phones.get(i), scenario, meeting, moved));
            if (scenario.booked()) {
                ObjectNode booking = bookings.addObject()
                        .put("id", ids.get(i))
                        .put("pipeline_id", PIPELINE)
                        .put("status_id", Scenario.Stage.MEETING_SCHEDULED);
                ArrayNode fields = booking.putArray("custom_fields_values");
                field(fields, FIELD_MEETING_TIME).put("value", meeting.getEpochSecond());
                field(fields, FIELD_EXPERT).put("enum_id", EXPERTS[n % EXPERTS.length]);
                field(fields, FIELD_CATEGORY).put("enum_id", CATEGORIES[n % CATEGORIES.length]);
                field(fields, FIELD_CLIENT_GOAL).put("value", "Цель клиента " + n);
            }
        }
        if (!bookings.isEmpty()) {
            sandbox.updateLeads(bookings);
        }
    }

    /**
     * Experts and managers look at the calendar and act on first slots that appeared since they last looked: paint
     * held or no-show, cancel or move the meeting in the CRM. Returns how many leads still wait for their person.
     */
    int actOnNewSlots() {
        List<JsonNode> events = sandbox.events();
        ArrayNode crmChanges = JSON.createArrayNode();
        for (JsonNode event : events) {
            JsonNode link = event.path("extendedProperties").path("private");
            if (!"1".equals(link.path(SlotLinkProperties.MEETING_NUMBER).asText())
                    || "cancelled".equals(event.path("status").asText())) {
                continue;
            }
            DemoLead lead = leads.get(link.path(SlotLinkProperties.LEAD).asLong(-1));
            if (lead == null
                    || !lead.scenario().actsOnSlot()
                    || event.hasNonNull("colorId")
                    || actedOn.contains(lead.id())) {
                continue;
            }
            switch (lead.scenario()) {
                case HELD -> sandbox.paint(event.get("id").asText(), "10");
                case NO_SHOW -> sandbox.paint(event.get("id").asText(), "8");
                case CANCELLED ->
                    crmChanges
                            .addObject()
                            .put("id", lead.id())
                            .put("pipeline_id", PIPELINE)
                            .put("status_id", Scenario.Stage.LOST)
                            .put("loss_reason_id", LOSS_REASON_MEETING_CANCELLED);
                case RESCHEDULED -> {
                    ObjectNode change = crmChanges.addObject().put("id", lead.id());
                    field(change.putArray("custom_fields_values"), FIELD_MEETING_TIME)
                            .put("value", lead.rescheduledTo().getEpochSecond());
                }
                default -> throw new IllegalStateException(lead.scenario().name());
            }
            actedOn.add(lead.id());
            if (crmChanges.size() == 50) {
                sandbox.updateLeads(crmChanges);
                crmChanges.removeAll();
            }
        }
        if (!crmChanges.isEmpty()) {
            sandbox.updateLeads(crmChanges);
        }
        return (int) leads.values().stream()
                .filter(l -> l.scenario().actsOnSlot() && !actedOn.contains(l.id()))
                .count();
    }

    /** Keeps acting on slots until every person did their part or the time is up. */
    void actUntilDone(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (actOnNewSlots() > 0 && Instant.now().isBefore(deadline)) {
            JvmProcess.sleep(Duration.ofSeconds(5));
        }
    }

    private static ObjectNode field(ArrayNode fields, long fieldId) {
        ObjectNode field = fields.addObject().put("field_id", fieldId);
        return field.putArray("values").addObject();
    }
}
