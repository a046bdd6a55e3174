package io.slotbridge.sync.domain;

import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CloseLeadLost;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.CrmCommandApplied;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.CrmUser;
import io.slotbridge.contracts.crm.LeadContact;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.MoveLeadToStage;
import io.slotbridge.contracts.crm.SetLeadFields;
import io.slotbridge.contracts.crm.StageSemantic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small amoCRM lead as the crm-connector shows it: every change (by a person or by a command) bumps the version
 * and yields a snapshot; a snapshot caused only by our command names it in {@code echoOfCommandIds}; a command that
 * changes nothing is ALREADY_APPLIED and yields no snapshot.
 */
final class CrmModel {

    static final CrmUser OLGA = new CrmUser("501", Demo.OLGA, "olga@demo.example");
    static final CrmUser PASHA = new CrmUser("502", Demo.PASHA, "pasha@demo.example");
    static final CrmUser ROBOT = new CrmUser("0", "Slotbridge", null);

    final String leadId;
    String stage = Demo.QUALIFIED;
    StageSemantic semantic = StageSemantic.OPEN;
    String lossReason;
    final Map<String, String> fields = new LinkedHashMap<>();
    String contactName = "Семён";
    String pipeline = "Воронка";
    CrmUser modifiedBy = OLGA;
    long version = 1_000;
    Instant createdAt = Demo.FIRST_CONTACT;
    Instant updatedAt = Demo.FIRST_CONTACT;
    final List<String> notes = new ArrayList<>();
    private int snapshots;

    CrmModel(String leadId) {
        this.leadId = leadId;
        fields.put(Demo.CATEGORY, "A");
        fields.put(Demo.GOAL, "Выйти на соревнования через полгода");
    }

    // ---- a person in the CRM -------------------------------------------------------------------------------------

    LeadSnapshotted personMoves(String newStage, Instant at) {
        stage = newStage;
        semantic = newStage.equals(Demo.LOST) ? StageSemantic.LOST : StageSemantic.OPEN;
        lossReason = semantic == StageSemantic.LOST ? lossReason : null;
        return personChanged(at);
    }

    LeadSnapshotted personClosesLost(String reason, Instant at) {
        lossReason = reason;
        return personMoves(Demo.LOST, at);
    }

    LeadSnapshotted personSets(String field, String value, Instant at) {
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        return personChanged(at);
    }

    /** A curator (or an expert) books: stage 5, time and expert in one save, as managers do. */
    LeadSnapshotted personBooks(Instant meeting, String expert, CrmUser who, Instant at) {
        fields.put(Demo.MEETING_TIME, MeetingTimes.format(meeting, Demo.MOSCOW));
        fields.put(Demo.EXPERT, expert);
        modifiedBy = who;
        stage = Demo.SCHEDULED;
        semantic = StageSemantic.OPEN;
        return personChanged(at);
    }

    private LeadSnapshotted personChanged(Instant at) {
        version++;
        updatedAt = at;
        return snapshot(List.of(), at);
    }

    // ---- the crm-connector executing our commands ----------------------------------------------------------------

    /** Applies a command; returns the result and, when the lead changed, the echo snapshot. */
    Executed execute(CrmCommand command, Instant at) {
        boolean changed;
        if (command instanceof MoveLeadToStage move) {
            changed = !move.stage().equals(stage);
            stage = move.stage();
            semantic = StageSemantic.OPEN;
            lossReason = null;
        } else if (command instanceof CloseLeadLost close) {
            changed = semantic != StageSemantic.LOST;
            stage = Demo.LOST;
            semantic = StageSemantic.LOST;
            lossReason = close.lossReason();
        } else if (command instanceof SetLeadFields set) {
            changed =
                    set.fields().entrySet().stream().anyMatch(e -> !e.getValue().equals(fields.get(e.getKey())));
            fields.putAll(set.fields());
        } else if (command instanceof AddNote note) {
            notes.add(note.text());
            changed = false;
        } else {
            throw new IllegalArgumentException("sync does not send " + command);
        }
        CrmCommandApplied applied = new CrmCommandApplied(
                "crm-result-" + command.commandId(),
                Demo.TENANT,
                leadId,
                at,
                command.commandId(),
                io.slotbridge.contracts.ContractTypes.typeName(command),
                changed || command instanceof AddNote ? CommandOutcome.APPLIED : CommandOutcome.ALREADY_APPLIED,
                null);
        if (!changed) {
            return new Executed(applied, Optional.empty());
        }
        version++;
        updatedAt = at;
        modifiedBy = ROBOT;
        return new Executed(applied, Optional.of(snapshot(List.of(command.commandId()), at)));
    }

    record Executed(CrmCommandResult result, Optional<LeadSnapshotted> echo) {}

    // ---- reads ---------------------------------------------------------------------------------------------------

    /** What the connector publishes when it re-reads the lead now. */
    LeadSnapshotted snapshot(List<String> echoOf, Instant at) {
        snapshots++;
        return new LeadSnapshotted(
                "lead-" + leadId + "-snap-" + snapshots + "-v" + version,
                Demo.TENANT,
                leadId,
                at,
                CrmKind.AMOCRM,
                version,
                "Заявка с сайта",
                pipeline,
                stage,
                semantic,
                lossReason,
                OLGA,
                modifiedBy,
                createdAt,
                updatedAt,
                new LinkedHashMap<>(fields),
                new LeadContact("2001", contactName, "79031234567", null),
                "https://demo.amocrm.ru/leads/detail/" + leadId,
                echoOf,
                "hint");
    }

    Instant meetingTime() {
        return MeetingTimes.parse(fields.get(Demo.MEETING_TIME), Demo.MOSCOW);
    }

    String expert() {
        return fields.get(Demo.EXPERT);
    }
}
