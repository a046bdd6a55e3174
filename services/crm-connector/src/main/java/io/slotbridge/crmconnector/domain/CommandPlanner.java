package io.slotbridge.crmconnector.domain;

import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CloseLeadLost;
import io.slotbridge.contracts.crm.CreateCallTask;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.MoveLeadToStage;
import io.slotbridge.contracts.crm.SetLeadFields;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.crmconnector.domain.CrmMetadata.CustomField;
import io.slotbridge.crmconnector.domain.CrmMetadata.Pipeline;
import io.slotbridge.crmconnector.domain.CrmMetadata.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resolves a command's names (pipeline, stage, field, option, loss reason, person) to the account's ids. A name the
 * account does not have rejects the command with NOT_FOUND and a sentence naming it; nothing is guessed.
 */
public final class CommandPlanner {

    private final CrmMetadata metadata;
    private final FieldCodec codec;

    public CommandPlanner(CrmMetadata metadata, FieldCodec codec) {
        this.metadata = metadata;
        this.codec = codec;
    }

    /** True when planning {@code command} needs the lead's current pipeline or responsible user. */
    public static boolean needsLeadFacts(CrmCommand command) {
        if (command instanceof MoveLeadToStage m) {
            return m.pipeline() == null;
        }
        if (command instanceof CloseLeadLost c) {
            return c.pipeline() == null;
        }
        if (command instanceof CreateCallTask t) {
            return t.responsible() == null || t.responsible().isBlank();
        }
        return false;
    }

    /** @param lead the lead's current facts; null when not needed or the lead does not exist */
    public Plan plan(CrmCommand command, LeadFacts lead) {
        if (needsLeadFacts(command) && lead == null) {
            return new Plan.Rejected(command, RejectionCode.NOT_FOUND, "lead " + command.leadId() + " does not exist");
        }
        if (command instanceof MoveLeadToStage move) {
            return planMove(move, lead);
        }
        if (command instanceof CloseLeadLost close) {
            return planClose(close, lead);
        }
        if (command instanceof SetLeadFields set) {
            return planFields(set);
        }
        if (command instanceof AddNote note) {
            return new Plan.Note(note, note.text());
        }
        if (command instanceof CreateCallTask task) {
            return planTask(task, lead);
        }
        throw new IllegalArgumentException(
                "unknown command " + command.getClass().getSimpleName());
    }

    private Plan planMove(MoveLeadToStage move, LeadFacts lead) {
        Optional<Pipeline> pipeline = pipeline(move.pipeline(), lead);
        if (pipeline.isEmpty()) {
            return pipelineMissing(move, move.pipeline(), lead);
        }
        Optional<Stage> stage = pipeline.get().stageByName(move.stage());
        if (stage.isEmpty()) {
            return new Plan.Rejected(
                    move,
                    RejectionCode.NOT_FOUND,
                    "stage '" + move.stage() + "' does not exist in pipeline '"
                            + pipeline.get().name() + "'");
        }
        Map<String, String> expected = new HashMap<>();
        expected.put(LeadSnapshots.PIPELINE, pipeline.get().name());
        expected.put(LeadSnapshots.STAGE, stage.get().name());
        return new Plan.LeadChange(move, pipeline.get().id(), stage.get().id(), null, List.of(), expected);
    }

    private Plan planClose(CloseLeadLost close, LeadFacts lead) {
        Optional<Pipeline> pipeline = pipeline(close.pipeline(), lead);
        if (pipeline.isEmpty()) {
            return pipelineMissing(close, close.pipeline(), lead);
        }
        Optional<Stage> lost = pipeline.get().stages().stream()
                .filter(s -> s.semantic() == StageSemantic.LOST)
                .findFirst();
        if (lost.isEmpty()) {
            return new Plan.Rejected(
                    close,
                    RejectionCode.NOT_FOUND,
                    "pipeline '" + pipeline.get().name() + "' has no closed-lost stage");
        }
        Optional<String> reason = metadata.lossReasonIdByName(close.lossReason());
        if (reason.isEmpty()) {
            return new Plan.Rejected(
                    close,
                    RejectionCode.NOT_FOUND,
                    "loss reason '" + close.lossReason() + "' does not exist (known: "
                            + String.join(", ", new TreeMap<>(invert(metadata.lossReasons())).keySet()) + ")");
        }
        Map<String, String> expected = new HashMap<>();
        expected.put(LeadSnapshots.PIPELINE, pipeline.get().name());
        expected.put(LeadSnapshots.STAGE, lost.get().name());
        expected.put(LeadSnapshots.LOSS_REASON, close.lossReason());
        return new Plan.LeadChange(close, pipeline.get().id(), lost.get().id(), reason.get(), List.of(), expected);
    }

    private Plan planFields(SetLeadFields set) {
        List<FieldWrite> writes = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(set.fields()).entrySet()) {
            Optional<CustomField> field = metadata.fieldByName(entry.getKey());
            if (field.isEmpty()) {
                return new Plan.Rejected(
                        set, RejectionCode.NOT_FOUND, "lead field '" + entry.getKey() + "' does not exist");
            }
            try {
                FieldWrite write = codec.parse(field.get(), entry.getValue());
                writes.add(write);
                expected.put(LeadSnapshots.fieldKey(field.get().name()), codec.canonical(field.get(), write));
            } catch (InvalidFieldValueException e) {
                return new Plan.Rejected(
                        set, e.unknownOption() ? RejectionCode.NOT_FOUND : RejectionCode.INVALID, e.getMessage());
            }
        }
        if (writes.isEmpty()) {
            return new Plan.Rejected(set, RejectionCode.INVALID, "no fields to set");
        }
        return new Plan.LeadChange(set, null, null, null, writes, expected);
    }

    private Plan planTask(CreateCallTask task, LeadFacts lead) {
        if (task.responsible() == null || task.responsible().isBlank()) {
            return new Plan.CallTask(task, task.text(), task.dueAt(), lead.responsibleUserId());
        }
        return metadata.userByEmailOrName(task.responsible())
                .<Plan>map(u -> new Plan.CallTask(task, task.text(), task.dueAt(), u.id()))
                .orElseGet(() -> new Plan.Rejected(
                        task, RejectionCode.NOT_FOUND, "no CRM user with e-mail or name '" + task.responsible() + "'"));
    }

    private Optional<Pipeline> pipeline(String name, LeadFacts lead) {
        return name != null ? metadata.pipelineByName(name) : metadata.pipelineById(lead.pipelineId());
    }

    private static Plan pipelineMissing(CrmCommand command, String name, LeadFacts lead) {
        String what = name != null ? "pipeline '" + name + "'" : "the lead's pipeline " + lead.pipelineId();
        return new Plan.Rejected(command, RejectionCode.NOT_FOUND, what + " does not exist");
    }

    private static Map<String, String> invert(Map<String, String> map) {
        Map<String, String> inverted = new HashMap<>();
        map.forEach((k, v) -> inverted.put(v, k));
        return inverted;
    }
}
