package io.slotbridge.console.followup.web;

import io.slotbridge.console.followup.app.FollowUpRuns;
import io.slotbridge.console.web.Actors;
import io.slotbridge.console.web.Flash;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Follow-up runs: what is running, where each run is, when its next step is due; stop one by hand. */
@Controller
class FollowUpController {

    private final FollowUpRuns runs;

    FollowUpController(FollowUpRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/followup")
    String runs(@ModelAttribute("tenant") String tenant, Model model) {
        model.addAttribute("active", runs.active(tenant));
        model.addAttribute("ended", runs.recentlyEnded(tenant, 50));
        return "console/followup";
    }

    @PostMapping("/followup/runs/{runId}/stop")
    String stop(
            @PathVariable String runId,
            @ModelAttribute("tenant") String tenant,
            Authentication user,
            RedirectAttributes redirect) {
        FollowUpRuns.StopResult result = runs.stop(runId, Actors.of(user));
        Flash.add(redirect, result.ok(), "run " + runId + ": " + result.message());
        return "redirect:"
                + UriComponentsBuilder.fromPath("/followup")
                        .queryParam("tenant", tenant)
                        .encode()
                        .build()
                        .toUriString();
    }
}
