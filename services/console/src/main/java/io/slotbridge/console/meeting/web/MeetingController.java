package io.slotbridge.console.meeting.web;

import io.slotbridge.console.meeting.app.MeetingSlots;
import io.slotbridge.console.meeting.domain.WeekBoard;
import io.slotbridge.console.tenant.Tenants;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The week board: slots by expert and day, in their colours, SLA breaches marked. */
@Controller
class MeetingController {

    private final MeetingSlots slots;
    private final Tenants tenants;
    private final Clock clock;

    MeetingController(MeetingSlots slots, Tenants tenants, Clock clock) {
        this.slots = slots;
        this.tenants = tenants;
        this.clock = clock;
    }

    @GetMapping("/meetings")
    String week(
            @ModelAttribute("tenant") String tenant,
            @RequestParam(name = "week", required = false) String week,
            Model model) {
        ZoneId zone = tenants.zone(tenant);
        LocalDate monday = WeekBoard.mondayOf(day(week, zone));
        var from = WeekBoard.start(monday, zone);
        var to = WeekBoard.end(monday, zone);
        WeekBoard<MeetingSlots.Slot> board = WeekBoard.of(
                slots.between(tenant, from, to), MeetingSlots.Slot::start, MeetingSlots.Slot::expert, monday, zone);
        model.addAttribute("board", board);
        model.addAttribute("slaBreaches", slots.slaBreaches(tenant, from, to));
        model.addAttribute("legend", tenants.colorLegend(tenant));
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        return "console/meetings";
    }

    private LocalDate day(String week, ZoneId zone) {
        if (week != null && !week.isBlank()) {
            try {
                return LocalDate.parse(week.strip());
            } catch (DateTimeParseException ignored) {
                // an unreadable week shows the current one
            }
        }
        return LocalDate.now(clock.withZone(zone));
    }
}
