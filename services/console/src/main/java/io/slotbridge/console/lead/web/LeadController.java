package io.slotbridge.console.lead.web;

import io.slotbridge.console.lead.app.Leads;
import io.slotbridge.console.meeting.app.MeetingSlots;
import io.slotbridge.console.tenant.Tenants;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Find a lead, then follow everything that happened to it in order. */
@Controller
class LeadController {

    private final Leads leads;
    private final MeetingSlots slots;
    private final Tenants tenants;

    LeadController(Leads leads, MeetingSlots slots, Tenants tenants) {
        this.leads = leads;
        this.slots = slots;
        this.tenants = tenants;
    }

    @GetMapping("/leads")
    String search(
            @ModelAttribute("tenant") String tenant,
            @RequestParam(name = "q", required = false) String query,
            Model model) {
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("results", leads.search(tenant, query));
        return "console/leads";
    }

    @GetMapping("/leads/{tenant}/{leadId}")
    String timeline(@PathVariable String tenant, @PathVariable String leadId, Model model) {
        Leads.Lead lead = leads.get(tenant, leadId)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "the console has seen nothing of lead " + leadId + " of " + tenant));
        fill(model, tenant, lead);
        return "console/lead";
    }

    @GetMapping("/leads/{tenant}/{leadId}/live")
    String live(@PathVariable String tenant, @PathVariable String leadId, Model model) {
        leads.get(tenant, leadId).ifPresent(lead -> fill(model, tenant, lead));
        return "console/lead :: live";
    }

    private void fill(Model model, String tenant, Leads.Lead lead) {
        List<Leads.TimelineItem> timeline = leads.timeline(tenant, lead.leadId());
        Set<String> ids = timeline.stream()
                .map(Leads.TimelineItem::messageId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        model.addAttribute("tenant", tenant);
        model.addAttribute("tenantName", tenants.displayName(tenant));
        model.addAttribute("lead", lead);
        model.addAttribute("timeline", timeline);
        model.addAttribute("present", ids);
        model.addAttribute("slot", slots.current(tenant, lead.leadId()).orElse(null));
        model.addAttribute(
                "colorMeaning",
                slots.current(tenant, lead.leadId())
                        .flatMap(s -> tenants.meaningOfColor(tenant, s.color().colorId()))
                        .orElse(null));
    }
}
