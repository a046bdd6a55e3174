package io.slotbridge.sandbox.web;

import io.slotbridge.sandbox.amocrm.AmoLeadRows;
import io.slotbridge.sandbox.bitrix24.BitrixDealRows;
import io.slotbridge.sandbox.core.ApiStats;
import io.slotbridge.sandbox.google.CalendarWeeks;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sandbox page: leads and deals with their stage and fields, a week of each calendar, API counters. */
@Controller
public class PageController {

    private final AmoLeadRows amoLeads;
    private final BitrixDealRows bitrixDeals;
    private final CalendarWeeks weeks;
    private final ApiStats stats;

    public PageController(AmoLeadRows amoLeads, BitrixDealRows bitrixDeals, CalendarWeeks weeks, ApiStats stats) {
        this.amoLeads = amoLeads;
        this.bitrixDeals = bitrixDeals;
        this.weeks = weeks;
        this.stats = stats;
    }

    @GetMapping("/")
    public String page(
            @RequestParam(defaultValue = "0") int week, @RequestParam(defaultValue = "5") int refresh, Model model) {
        List<LeadRow> leads = new ArrayList<>(amoLeads.rows());
        leads.addAll(bitrixDeals.rows());
        model.addAttribute("leads", leads);
        model.addAttribute("weeks", weeks.weeks(week));
        model.addAttribute("week", week);
        model.addAttribute("refresh", Math.max(1, refresh));
        model.addAttribute("stats", stats.snapshot());
        // Under templates/sandbox/: the console shares the classpath when the local launcher runs both in one JVM.
        return "sandbox/index";
    }
}
