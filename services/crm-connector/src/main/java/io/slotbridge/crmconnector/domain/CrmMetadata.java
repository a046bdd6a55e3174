package io.slotbridge.crmconnector.domain;

import io.slotbridge.contracts.crm.StageSemantic;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a CRM account calls things: pipelines with their stages, custom fields with their options, users, loss
 * reasons. Ids are strings so amoCRM numbers and Bitrix24 codes ({@code C1:WON}) fit alike.
 */
public record CrmMetadata(
        List<Pipeline> pipelines,
        Map<String, CustomField> fields,
        Map<String, CrmUserInfo> users,
        Map<String, String> lossReasons,
        Instant loadedAt) {

    public CrmMetadata {
        pipelines = List.copyOf(pipelines);
        fields = Map.copyOf(fields);
        users = Map.copyOf(users);
        lossReasons = Map.copyOf(lossReasons);
    }

    public record Pipeline(String id, String name, List<Stage> stages) {
        public Pipeline {
            stages = List.copyOf(stages);
        }

        public Optional<Stage> stageById(String stageId) {
            return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
        }

        public Optional<Stage> stageByName(String stageName) {
            return stages.stream().filter(s -> s.name().equals(stageName)).findFirst();
        }
    }

    public record Stage(String id, String name, StageSemantic semantic) {}

    /** @param options option id → label, for select and multiselect fields */
    public record CustomField(String id, String name, FieldType type, Map<String, String> options) {
        public CustomField {
            options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        public Optional<String> optionIdByLabel(String label) {
            return options.entrySet().stream()
                    .filter(e -> e.getValue().equals(label))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }
    }

    public record CrmUserInfo(String id, String name, String email) {}

    public Optional<Pipeline> pipelineById(String id) {
        return pipelines.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Pipeline> pipelineByName(String name) {
        return pipelines.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<CustomField> fieldByName(String name) {
        return fields.values().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<String> lossReasonIdByName(String name) {
        return lossReasons.entrySet().stream()
                .filter(e -> e.getValue().equals(name))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** A user by e-mail (case-insensitive) or, failing that, by exact name. */
    public Optional<CrmUserInfo> userByEmailOrName(String emailOrName) {
        return users.values().stream()
                .filter(u -> u.email() != null && u.email().equalsIgnoreCase(emailOrName))
                .findFirst()
                .or(() -> users.values().stream()
                        .filter(u -> emailOrName.equals(u.name()))
                        .findFirst());
    }
}
