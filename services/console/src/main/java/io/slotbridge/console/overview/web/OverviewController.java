package io.slotbridge.console.overview.web;

import io.slotbridge.console.overview.app.Overviews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The overview of a tenant; its live part is re-fetched by htmx every few seconds. */
@Controller
class OverviewController {

    private final Overviews overviews;

    OverviewController(Overviews overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/")
    String overview(@ModelAttribute("tenant") String tenant, Model model) {
        model.addAttribute("overview", overviews.of(tenant));
        return "console/overview";
    }

    @GetMapping("/overview/live")
    String live(@ModelAttribute("tenant") String tenant, Model model) {
        model.addAttribute("overview", overviews.of(tenant));
        return "console/overview :: live";
    }
}
