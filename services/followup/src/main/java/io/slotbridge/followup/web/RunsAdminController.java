package io.slotbridge.followup.web;

import io.slotbridge.followup.app.RunStopper;
import io.slotbridge.followup.config.FollowupTenant;
import io.slotbridge.followup.config.FollowupTenants;
import io.slotbridge.followup.domain.StopCondition;
import io.slotbridge.followup.store.ExecutedStep;
import io.slotbridge.followup.store.RunStore;
import io.slotbridge.followup.store.SendEntry;
import io.slotbridge.followup.store.SendLogStore;
import io.slotbridge.followup.store.StoredRun;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Follow-up runs for the console: list with steps and WhatsApp statuses, and stop one by hand. */
@RestController
public class RunsAdminController {

    private final RunStore runs;
    private final SendLogStore sends;
    private final RunStopper stopper;
    private final FollowupTenants tenants;
    private final Clock clock;

    public RunsAdminController(
            RunStore runs, SendLogStore sends, RunStopper stopper, FollowupTenants tenants, Clock clock) {
        this.runs = runs;
        this.sends = sends;
        this.stopper = stopper;
        this.tenants = tenants;
        this.clock = clock;
    }

    @GetMapping("/admin/runs")
    public List<RunView> list(
            @RequestParam String tenant,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String lead,
            @RequestParam(defaultValue = "100") int limit) {
        tenants.find(tenant).orElseThrow(() -> Problems.unknownTenant(tenant));
        return runs
                .list(
                        tenant,
                        status == null ? null : status.toUpperCase(java.util.Locale.ROOT),
                        lead,
                        Math.max(1, Math.min(limit, 1000)))
                .stream()
                .map(this::view)
                .toList();
    }

    @PostMapping("/admin/runs/{runId}/stop")
    @Transactional
    public RunView stop(@PathVariable String runId) {
        StoredRun stored =
                runs.lock(runId).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "no follow-up run " + runId));
        if (!stored.run().isActive()) {
            throw Problems.of(
                    HttpStatus.CONFLICT,
                    "run " + runId + " is already " + stored.run().status());
        }
        FollowupTenant tenant = tenants.find(stored.run().tenant())
                .orElseThrow(() -> Problems.unknownTenant(stored.run().tenant()));
        stopper.stop(tenant, stored, StopCondition.STOPPED_BY_ADMIN, "admin", clock.instant());
        return view(runs.find(runId).orElseThrow());
    }

    private RunView view(StoredRun stored) {
        var run = stored.run();
        return new RunView(
                run.runId(),
                run.tenant(),
                run.leadId(),
                run.scenario(),
                stored.trigger(),
                run.status().name(),
                run.position(),
                run.nextDueAt(),
                run.stopReason() == null ? null : run.stopReason().keyword(),
                stored.heldReason(),
                stored.startedAt(),
                stored.finishedAt(),
                runs.steps(run.runId()),
                sends.forRun(run.runId()).stream()
                        .map(RunsAdminController::send)
                        .toList());
    }

    private static SendView send(SendEntry entry) {
        return new SendView(
                entry.position(),
                entry.templateName(),
                entry.kind(),
                entry.state().name(),
                entry.attempts(),
                entry.wazzupMessageId(),
                entry.deliveryStatus(),
                entry.errorCode(),
                entry.errorDetail());
    }

    /** A run as the console shows it. */
    public record RunView(
            String runId,
            String tenant,
            String leadId,
            String scenario,
            String trigger,
            String status,
            int position,
            Instant nextDueAt,
            String stopReason,
            String heldReason,
            Instant startedAt,
            Instant finishedAt,
            List<ExecutedStep> steps,
            List<SendView> sends) {}

    /** One WhatsApp send of a run and its delivery status. */
    public record SendView(
            int position,
            String template,
            String kind,
            String state,
            int attempts,
            String wazzupMessageId,
            String deliveryStatus,
            String errorCode,
            String errorDetail) {}
}
