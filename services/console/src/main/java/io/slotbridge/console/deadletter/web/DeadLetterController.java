package io.slotbridge.console.deadletter.web;

import io.slotbridge.console.audit.AuditLog;
import io.slotbridge.console.deadletter.app.DeadLetter;
import io.slotbridge.console.deadletter.app.DeadLetterActions;
import io.slotbridge.console.deadletter.app.DeadLetters;
import io.slotbridge.console.deadletter.domain.DeadLetterFilter;
import io.slotbridge.console.web.Actors;
import io.slotbridge.console.web.Flash;
import io.slotbridge.contracts.Topics;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Dead letters: list and filter, look inside (masked), replay one or a confirmed set, discard with a reason. */
@Controller
class DeadLetterController {

    private static final int PAGE = 200;

    private final DeadLetters deadLetters;
    private final DeadLetterActions actions;
    private final AuditLog audit;

    DeadLetterController(DeadLetters deadLetters, DeadLetterActions actions, AuditLog audit) {
        this.deadLetters = deadLetters;
        this.actions = actions;
        this.audit = audit;
    }

    @GetMapping("/dead-letters")
    String list(
            @RequestParam(name = "tenant", required = false) String tenant,
            @RequestParam(name = "topic", required = false) String topic,
            @RequestParam(name = "state", required = false, defaultValue = DeadLetterFilter.NEW) String state,
            @RequestParam(name = "reason", required = false) String reason,
            Model model) {
        DeadLetterFilter filter = new DeadLetterFilter(tenant, topic, state, reason);
        model.addAttribute("filter", filter);
        model.addAttribute("letters", deadLetters.find(filter, PAGE));
        model.addAttribute("counts", deadLetters.unhandledByTopic(filter.tenant()));
        model.addAttribute("topics", Topics.ALL.stream().map(t -> t.name()).toList());
        model.addAttribute("matching", deadLetters.select(filter).count());
        return "console/dead-letters";
    }

    @GetMapping("/dead-letters/{id}")
    String show(@PathVariable long id, Model model) {
        DeadLetter letter = deadLetters
                .get(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no dead letter " + id));
        model.addAttribute("letter", letter);
        model.addAttribute("headers", deadLetters.headers(id));
        model.addAttribute("history", audit.forTarget(letter.auditTarget()));
        model.addAttribute("tenant", letter.tenant());
        return "console/dead-letter";
    }

    @PostMapping("/dead-letters/{id}/replay")
    String replay(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        DeadLetterActions.Outcome outcome = actions.replay(id, Actors.of(user));
        Flash.add(redirect, outcome.ok(), outcome.message());
        return "redirect:/dead-letters/" + id;
    }

    @PostMapping("/dead-letters/{id}/discard")
    String discard(
            @PathVariable long id,
            @RequestParam(name = "reason", required = false) String reason,
            Authentication user,
            RedirectAttributes redirect) {
        DeadLetterActions.Outcome outcome = actions.discard(id, reason, Actors.of(user));
        Flash.add(redirect, outcome.ok(), outcome.message());
        return "redirect:/dead-letters/" + id;
    }

    /** Shows how many unhandled letters a bulk replay would send, and asks to confirm exactly that set. */
    @GetMapping("/dead-letters/replay-matching")
    String confirmReplayMatching(
            @RequestParam(name = "tenant", required = false) String tenant,
            @RequestParam(name = "topic", required = false) String topic,
            @RequestParam(name = "reason", required = false) String reason,
            Model model) {
        DeadLetterFilter filter = new DeadLetterFilter(tenant, topic, DeadLetterFilter.NEW, reason);
        model.addAttribute("filter", filter);
        model.addAttribute("selection", deadLetters.select(filter));
        model.addAttribute("sample", deadLetters.find(filter, 10));
        return "console/dead-letters-replay";
    }

    @PostMapping("/dead-letters/replay-matching")
    String replayMatching(
            @RequestParam(name = "tenant", required = false) String tenant,
            @RequestParam(name = "topic", required = false) String topic,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "upToId") long upToId,
            Authentication user,
            RedirectAttributes redirect) {
        DeadLetterFilter filter = new DeadLetterFilter(tenant, topic, DeadLetterFilter.NEW, reason);
        DeadLetterActions.Outcome outcome = actions.replayMatching(filter, upToId, Actors.of(user));
        Flash.add(redirect, outcome.ok(), outcome.message());
        return "redirect:"
                + UriComponentsBuilder.fromPath("/dead-letters")
                        .queryParamIfPresent("tenant", java.util.Optional.ofNullable(filter.tenant()))
                        .queryParamIfPresent("topic", java.util.Optional.ofNullable(filter.topic()))
                        .queryParam("state", DeadLetterFilter.REPLAYED)
                        .encode()
                        .build()
                        .toUriString();
    }
}
