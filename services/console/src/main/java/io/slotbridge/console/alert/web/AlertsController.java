package io.slotbridge.console.alert.web;

import io.slotbridge.console.alert.AlertProperties;
import io.slotbridge.console.alert.app.AlertBook;
import io.slotbridge.console.alert.domain.AlertRules;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Open and recently resolved alerts, how they were delivered, and the rules in force. */
@Controller
class AlertsController {

    private final AlertBook book;
    private final AlertProperties properties;

    AlertsController(AlertBook book, AlertProperties properties) {
        this.book = book;
        this.properties = properties;
    }

    @GetMapping("/alerts")
    String alerts(Model model) {
        model.addAttribute("open", book.open());
        model.addAttribute("resolved", book.recentlyResolved(50));
        model.addAttribute("rules", AlertRules.ALL);
        model.addAttribute("settings", properties);
        model.addAttribute("telegramConfigured", properties.telegram().configured());
        return "console/alerts";
    }
}
