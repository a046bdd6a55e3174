package io.slotbridge.crmconnector.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.CrmCommandApplied;
import io.slotbridge.contracts.crm.CrmCommandRejected;
import io.slotbridge.crmconnector.domain.CommandPlanner;
import io.slotbridge.crmconnector.domain.CrmLead;
import io.slotbridge.crmconnector.domain.CrmMetadata;
import io.slotbridge.crmconnector.domain.FieldCodec;
import io.slotbridge.crmconnector.domain.LeadFacts;
import io.slotbridge.crmconnector.domain.LeadWrite;
import io.slotbridge.crmconnector.domain.Plan;
import io.slotbridge.crmconnector.store.WriteLedger;
import io.slotbridge.platform.outbox.OutboxWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes one tenant's commands as few API calls as possible: commands already in the write ledger are answered
 * ALREADY_APPLIED without a call; names are resolved (a missing one rejects the command, NOT_FOUND); lead changes are
 * merged per lead and sent as PATCH batches, notes and call tasks as POST batches. The ledger records each write
 * PENDING before its call and APPLIED with the command's result (through the outbox) in one transaction after it.
 *
 * <p>When the CRM makes us wait ({@link AccountBlockedException}), the commands not yet answered are returned as a
 * {@link Deferral} for the caller to keep; the ledger keeps whatever was applied from being applied twice
 * when they run again. When the wait is for one method only (a parked Bitrix24 method), the other kinds of write
 * (lead changes, notes, call tasks) are still sent first.
 */
@Component
public class CommandExecutor {

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

    private final CrmAccounts accounts;
    private final MetadataCache metadata;
    private final WriteLedger ledger;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;

    public CommandExecutor(
            CrmAccounts accounts,
            MetadataCache metadata,
            WriteLedger ledger,
            OutboxWriter outbox,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry meters) {
        this.accounts = accounts;
        this.metadata = metadata;
        this.ledger = ledger;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    /** Every command is answered on {@code crm.command-results.v1}, except those the deferral names. */
    public Deferral<CrmCommand> execute(String tenant, List<CrmCommand> commands) {
        Set<String> settled = new HashSet<>();
        try {
            run(tenant, commands, settled);
            return Deferral.none();
        } catch (AccountBlockedException blocked) {
            return Deferral.of(
                    commands.stream()
                            .filter(c -> !settled.contains(c.commandId()))
                            .toList(),
                    blocked);
        }
    }

    /** @param settled collects the ids of the commands answered so far */
    private void run(String tenant, List<CrmCommand> commands, Set<String> settled) {
        CrmAccount account = accounts.get(tenant);
        Map<String, CrmCommand> unique = new LinkedHashMap<>();
        List<CrmCommand> repeats = new ArrayList<>();
        for (CrmCommand command : commands) {
            if (unique.putIfAbsent(command.commandId(), command) != null) {
                repeats.add(command);
            }
        }
        Map<String, WriteLedger.Entry> known = ledger.find(unique.keySet());
        List<CrmCommand> todo = new ArrayList<>();
        for (CrmCommand command : unique.values()) {
            WriteLedger.Entry entry = known.get(command.commandId());
            if (entry != null && entry.status() == WriteLedger.Status.APPLIED) {
                alreadyApplied(command, entry.createdEntityId(), settled);
            } else {
                if (entry != null) {
                    log.warn(
                            "tenant {}: command {} was sent before a restart without a recorded outcome; sending it again",
                            tenant,
                            command.commandId());
                }
                todo.add(command);
            }
        }
        List<Plan> plans = plan(tenant, account, todo);
        List<Plan.LeadChange> changes = new ArrayList<>();
        List<Plan.Note> notes = new ArrayList<>();
        List<Plan.CallTask> tasks = new ArrayList<>();
        for (Plan plan : plans) {
            if (plan instanceof Plan.Rejected r) {
                rejected(r.command(), r.code(), r.reason(), false, null, settled);
            } else if (plan instanceof Plan.LeadChange c) {
                changes.add(c);
            } else if (plan instanceof Plan.Note n) {
                notes.add(n);
            } else if (plan instanceof Plan.CallTask t) {
                tasks.add(t);
            }
        }
        AccountBlockedException parked = null;
        for (Runnable writes : List.<Runnable>of(
                () -> applyLeadChanges(tenant, account.api(), changes, settled),
                () -> applyNotes(tenant, account.api(), notes, settled),
                () -> applyTasks(tenant, account.api(), tasks, settled))) {
            try {
                writes.run();
            } catch (AccountBlockedException blocked) {
                if (blocked.wholeAccount()) {
                    throw blocked;
                }
                // only this kind of write waits: the others still go out now
                parked = parked == null || blocked.retryAt().isBefore(parked.retryAt()) ? blocked : parked;
            }
        }
        // a command id repeated within the batch was applied (or rejected) by its first occurrence
        Map<String, WriteLedger.Entry> after =
                ledger.find(repeats.stream().map(CrmCommand::commandId).toList());
        for (CrmCommand repeat : repeats) {
            WriteLedger.Entry entry = after.get(repeat.commandId());
            if (entry != null && entry.status() == WriteLedger.Status.APPLIED) {
                alreadyApplied(repeat, entry.createdEntityId(), settled);
            }
        }
        if (parked != null) {
            throw parked;
        }
    }

    private List<Plan> plan(String tenant, CrmAccount account, List<CrmCommand> commands) {
        if (commands.isEmpty()) {
            return List.of();
        }
        List<String> needFacts = commands.stream()
                .filter(CommandPlanner::needsLeadFacts)
                .map(CrmCommand::leadId)
                .distinct()
                .toList();
        Map<String, LeadFacts> facts = needFacts.isEmpty()
                ? Map.of()
                : account.api().leadsByIds(needFacts).stream()
                        .collect(Collectors.toMap(
                                CrmLead::id,
                                l -> new LeadFacts(l.id(), l.pipelineId(), l.responsibleUserId()),
                                (a, b) -> a));
        FieldCodec codec = new FieldCodec(account.settings().timeZone());
        CrmMetadata md = metadata.get(tenant);
        List<Plan> plans = planAll(commands, facts, md, codec);
        boolean nameMissing = plans.stream().anyMatch(p -> isUnknownName(p, facts));
        if (nameMissing && !metadata.isFresh(tenant)) {
            // somebody may have just created the stage, field or option: look again before rejecting
            plans = planAll(commands, facts, metadata.refreshOnMiss(tenant), codec);
        }
        return plans;
    }

    /** A NOT_FOUND for a name (not for a missing lead), which fresh metadata might resolve. */
    private static boolean isUnknownName(Plan plan, Map<String, LeadFacts> facts) {
        if (!(plan instanceof Plan.Rejected rejected) || rejected.code() != RejectionCode.NOT_FOUND) {
            return false;
        }
        return !CommandPlanner.needsLeadFacts(rejected.command())
                || facts.containsKey(rejected.command().leadId());
    }

    private static List<Plan> planAll(
            List<CrmCommand> commands, Map<String, LeadFacts> facts, CrmMetadata md, FieldCodec codec) {
        CommandPlanner planner = new CommandPlanner(md, codec);
        return commands.stream()
                .map(c -> planner.plan(c, facts.get(c.leadId())))
                .toList();
    }

    private void applyLeadChanges(String tenant, CrmApi api, List<Plan.LeadChange> changes, Set<String> settled) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Plan.LeadChange> byCommand =
                changes.stream().collect(Collectors.toMap(c -> c.command().commandId(), Function.identity()));
        List<LeadWrite> writes = LeadWrite.coalesce(changes);
        for (List<LeadWrite> chunk : Chunks.of(writes, api.maxWriteBatch())) {
            List<Plan.LeadChange> involved = chunk.stream()
                    .flatMap(w -> w.commandIds().stream())
                    .map(byCommand::get)
                    .toList();
            tx.executeWithoutResult(s -> involved.forEach(c -> ledger.pending(
                    c.command().commandId(), tenant, c.command().leadId(), type(c.command()), c.expected())));
            List<CrmApi.ItemOutcome> outcomes =
                    callOrReject(involved.stream().map(Plan::command).toList(), () -> api.updateLeads(chunk), settled);
            if (outcomes == null) {
                continue;
            }
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < chunk.size(); i++) {
                    for (String commandId : chunk.get(i).commandIds()) {
                        record(byCommand.get(commandId).command(), outcomes.get(i), settled);
                    }
                }
            });
        }
    }

    private void applyNotes(String tenant, CrmApi api, List<Plan.Note> notes, Set<String> settled) {
        applyCreations(
                tenant,
                api,
                notes,
                settled,
                chunk -> api.addNotes(chunk.stream()
                        .map(n -> new CrmApi.NewNote(n.command().leadId(), n.text()))
                        .toList()));
    }

    private void applyTasks(String tenant, CrmApi api, List<Plan.CallTask> tasks, Set<String> settled) {
        applyCreations(
                tenant,
                api,
                tasks,
                settled,
                chunk -> api.addCallTasks(chunk.stream()
                        .map(t -> new CrmApi.NewCallTask(
                                t.command().leadId(), t.text(), t.dueAt(), t.responsibleUserId()))
                        .toList()));
    }

    /** Notes and tasks: one POST per chunk, the ledger PENDING before it and APPLIED with the created id after. */
    private <P extends Plan> void applyCreations(
            String tenant,
            CrmApi api,
            List<P> plans,
            Set<String> settled,
            Function<List<P>, List<CrmApi.ItemOutcome>> call) {
        for (List<P> chunk : Chunks.of(plans, api.maxWriteBatch())) {
            tx.executeWithoutResult(s -> chunk.forEach(p ->
                    ledger.pending(p.command().commandId(), tenant, p.command().leadId(), type(p.command()), null)));
            List<CrmApi.ItemOutcome> outcomes =
                    callOrReject(chunk.stream().map(Plan::command).toList(), () -> call.apply(chunk), settled);
            if (outcomes != null) {
                tx.executeWithoutResult(s -> {
                    for (int i = 0; i < chunk.size(); i++) {
                        record(chunk.get(i).command(), outcomes.get(i), settled);
                    }
                });
            }
        }
    }

    /** The call's outcomes, or null after rejecting every command when the whole call failed for good. */
    private List<CrmApi.ItemOutcome> callOrReject(
            List<CrmCommand> commands,
            java.util.function.Supplier<List<CrmApi.ItemOutcome>> call,
            Set<String> settled) {
        try {
            return call.get();
        } catch (AccountBlockedException blocked) {
            throw blocked;
        } catch (CrmApiException failed) {
            log.warn("{} command(s) rejected: {}", commands.size(), failed.reason());
            tx.executeWithoutResult(s -> commands.forEach(c -> {
                ledger.forget(c.commandId());
                rejected(c, failed.code(), failed.reason(), failed.retryable(), failed.httpStatus(), settled);
            }));
            return null;
        }
    }

    /** Inside the caller's transaction: ledger and result commit together. */
    private void record(CrmCommand command, CrmApi.ItemOutcome outcome, Set<String> settled) {
        if (outcome.succeeded()) {
            ledger.applied(command.commandId(), outcome.createdId(), clock.instant());
            publish(new CrmCommandApplied(
                    MessageIds.deterministic(command.commandId(), "applied"),
                    command.tenant(),
                    command.leadId(),
                    clock.instant(),
                    command.commandId(),
                    type(command),
                    CommandOutcome.APPLIED,
                    outcome.createdId()));
            count(command, "applied");
            settled.add(command.commandId());
        } else {
            ledger.forget(command.commandId());
            CrmApiException f = outcome.failure();
            rejected(command, f.code(), f.reason(), f.retryable(), f.httpStatus(), settled);
        }
    }

    private void alreadyApplied(CrmCommand command, String createdEntityId, Set<String> settled) {
        tx.executeWithoutResult(s -> publish(new CrmCommandApplied(
                MessageIds.deterministic(command.commandId(), "already-applied", MessageIds.random()),
                command.tenant(),
                command.leadId(),
                clock.instant(),
                command.commandId(),
                type(command),
                CommandOutcome.ALREADY_APPLIED,
                createdEntityId)));
        count(command, "already_applied");
        settled.add(command.commandId());
    }

    private void rejected(
            CrmCommand command,
            RejectionCode code,
            String reason,
            boolean retryable,
            Integer status,
            Set<String> settled) {
        log.info(
                "tenant {}: command {} ({}) on lead {} rejected, {}: {}",
                command.tenant(),
                command.commandId(),
                type(command),
                command.leadId(),
                code,
                reason);
        tx.executeWithoutResult(s -> publish(new CrmCommandRejected(
                MessageIds.deterministic(command.commandId(), "rejected", MessageIds.random()),
                command.tenant(),
                command.leadId(),
                clock.instant(),
                command.commandId(),
                type(command),
                code,
                reason,
                retryable,
                status)));
        count(command, "rejected");
        settled.add(command.commandId());
    }

    private void publish(io.slotbridge.contracts.crm.CrmCommandResult result) {
        outbox.append(Topics.CRM_COMMAND_RESULTS, result);
    }

    private void count(CrmCommand command, String outcome) {
        meters.counter("slotbridge.crm.commands", "tenant", command.tenant(), "type", type(command), "outcome", outcome)
                .increment();
    }

    private static String type(CrmCommand command) {
        return ContractTypes.typeName(command);
    }
}
