package io.slotbridge.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.contracts.calendar.SlotLinkProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the CRM, the calendar and WhatsApp show now, compared with what every driven lead's {@link Scenario} says
 * they must show: wrong stages or slot colours (not converged yet, or lost), and duplicates (a second slot for one
 * meeting, the same WhatsApp template twice in a chat, the same task twice on a lead).
 */
record LeadAudit(
        int leads,
        List<String> wrong,
        int duplicateSlots,
        int duplicateWhatsApp,
        int duplicateTasks,
        int whatsAppSent,
        int slots,
        int tasks) {

    boolean converged() {
        return wrong.isEmpty();
    }

    static LeadAudit of(Map<Long, DemoLead> driven, SandboxApi sandbox) {
        Map<Long, Long> stages = new HashMap<>();
        sandbox.leads()
                .forEach(lead -> stages.put(
                        lead.get("id").asLong(), lead.get("status_id").asLong()));

        // lead -> meeting number -> colours of the events that carry that link
        Map<Long, Map<Integer, List<String>>> slots = new HashMap<>();
        int slotCount = 0;
        for (JsonNode event : sandbox.events()) {
            JsonNode link = event.path("extendedProperties").path("private");
            if (!link.has(SlotLinkProperties.LEAD)) {
                continue;
            }
            slotCount++;
            slots.computeIfAbsent(link.get(SlotLinkProperties.LEAD).asLong(), k -> new TreeMap<>())
                    .computeIfAbsent(
                            link.path(SlotLinkProperties.MEETING_NUMBER).asInt(), k -> new ArrayList<>())
                    .add(("cancelled".equals(event.path("status").asText()) ? "deleted:" : "")
                            + event.path("colorId").asText(""));
        }

        Map<String, Integer> whatsApp = new HashMap<>();
        Map<String, Integer> sentPerChat = new HashMap<>();
        JsonNode messages = sandbox.wazzupMessages();
        messages.forEach(message -> {
            String chat = message.path("chatId").asText().replaceAll("\\D", "");
            whatsApp.merge(
                    chat + "|" + message.path("templateId").asText() + "|"
                            + message.path("text").asText(),
                    1,
                    Integer::sum);
            sentPerChat.merge(chat, 1, Integer::sum);
        });

        Map<String, Integer> taskTexts = new HashMap<>();
        Map<Long, Integer> tasksPerLead = new HashMap<>();
        List<JsonNode> tasks = sandbox.tasks();
        tasks.forEach(task -> {
            long lead = task.path("entity_id").asLong();
            taskTexts.merge(lead + "|" + task.path("text").asText(), 1, Integer::sum);
            tasksPerLead.merge(lead, 1, Integer::sum);
        });

        List<String> wrong = new ArrayList<>();
        for (DemoLead lead : driven.values()) {
            Scenario scenario = lead.scenario();
            Long stage = stages.get(lead.id());
            if (stage == null || stage != scenario.stage) {
                wrong.add("lead " + lead.id() + " (" + scenario + "): stage " + stage + ", expected " + scenario.stage);
            }
            List<String> colours = new ArrayList<>();
            slots.getOrDefault(lead.id(), Map.of()).values().forEach(events -> colours.add(events.get(0)));
            if (!colours.equals(scenario.slotColours)) {
                wrong.add("lead " + lead.id() + " (" + scenario + "): slots " + colours + ", expected "
                        + scenario.slotColours);
            }
            if (scenario == Scenario.QUALIFIED && !sentPerChat.containsKey(lead.phone())) {
                wrong.add("lead " + lead.id() + " (QUALIFIED): no WhatsApp message to " + lead.phone());
            }
            if (scenario == Scenario.NO_SHOW && !tasksPerLead.containsKey(lead.id())) {
                wrong.add("lead " + lead.id() + " (NO_SHOW): no call task");
            }
        }
        int duplicateSlots = slots.values().stream()
                .flatMap(meetings -> meetings.values().stream())
                .mapToInt(events -> events.size() - 1)
                .sum();
        return new LeadAudit(
                driven.size(),
                List.copyOf(wrong),
                duplicateSlots,
                excess(whatsApp),
                excess(taskTexts),
                messages.size(),
                slotCount,
                tasks.size());
    }

    private static int excess(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(n -> n - 1).sum();
    }

    String summary() {
        return "leads=" + leads + " wrong=" + wrong.size()
                + (wrong.isEmpty() ? "" : " e.g. " + wrong.subList(0, Math.min(5, wrong.size())))
                + " slots=" + slots + " duplicateSlots=" + duplicateSlots + " whatsApp=" + whatsAppSent
                + " duplicateWhatsApp=" + duplicateWhatsApp + " tasks=" + tasks + " duplicateTasks=" + duplicateTasks;
    }
}
