package io.slotbridge.local.people;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The names a person sees in amoCRM and the ids the API wants: pipeline, stages, fields, users, loss reasons. */
public final class AmoMetadata {

    static final String PIPELINE = "Воронка";

    private final long pipelineId;
    private final Map<String, Long> statuses = new HashMap<>();
    private final Map<Long, String> statusNames = new HashMap<>();
    private final Map<String, JsonNode> fields = new HashMap<>();
    private final Map<Long, String> fieldNames = new HashMap<>();
    private final Map<String, Long> users = new HashMap<>();
    private final Map<Long, String> userNames = new HashMap<>();
    private final Map<String, Long> lossReasons = new HashMap<>();
    private final Map<Long, String> lossReasonNames = new HashMap<>();

    private AmoMetadata(long pipelineId) {
        this.pipelineId = pipelineId;
    }

    static AmoMetadata read(Function<String, JsonNode> get) {
        JsonNode pipeline = null;
        for (JsonNode candidate :
                get.apply("/leads/pipelines").path("_embedded").path("pipelines")) {
            if (PIPELINE.equals(candidate.path("name").asText())) {
                pipeline = candidate;
            }
        }
        if (pipeline == null) {
            throw new IllegalStateException("amoCRM has no pipeline " + PIPELINE);
        }
        AmoMetadata meta = new AmoMetadata(pipeline.path("id").asLong());
        for (JsonNode status : pipeline.path("_embedded").path("statuses")) {
            meta.statuses.put(status.path("name").asText(), status.path("id").asLong());
            meta.statusNames.put(status.path("id").asLong(), status.path("name").asText());
        }
        for (JsonNode field :
                get.apply("/leads/custom_fields").path("_embedded").path("custom_fields")) {
            meta.fields.put(field.path("name").asText(), field);
            meta.fieldNames.put(field.path("id").asLong(), field.path("name").asText());
        }
        for (JsonNode user : get.apply("/users").path("_embedded").path("users")) {
            meta.users.put(user.path("name").asText(), user.path("id").asLong());
            meta.userNames.put(user.path("id").asLong(), user.path("name").asText());
        }
        for (JsonNode reason :
                get.apply("/leads/loss_reasons").path("_embedded").path("loss_reasons")) {
            meta.lossReasons.put(reason.path("name").asText(), reason.path("id").asLong());
            meta.lossReasonNames.put(
                    reason.path("id").asLong(), reason.path("name").asText());
        }
        return meta;
    }

    public long pipelineId() {
        return pipelineId;
    }

    public long statusId(String name) {
        return known(statuses, name, "stage");
    }

    String statusName(long id) {
        return statusNames.getOrDefault(id, "#" + id);
    }

    long userId(String name) {
        return known(users, name, "user");
    }

    String userName(long id) {
        return userNames.getOrDefault(id, "#" + id);
    }

    long lossReasonId(String name) {
        return known(lossReasons, name, "loss reason");
    }

    String lossReasonName(long id) {
        return lossReasonNames.get(id);
    }

    String fieldName(long id) {
        return fieldNames.getOrDefault(id, "#" + id);
    }

    String fieldType(String name) {
        JsonNode field = fields.get(name);
        return field == null ? null : field.path("type").asText();
    }

    /** A {@code custom_fields_values} entry: select fields by their option's text, dates as unix seconds. */
    Map<String, Object> fieldValue(String name, Object value) {
        JsonNode field = fields.get(name);
        if (field == null) {
            throw new IllegalArgumentException("amoCRM has no lead field " + name);
        }
        return Map.of("field_id", field.path("id").asLong(), "values", List.of(Map.of("value", value)));
    }

    private static long known(Map<String, Long> ids, String name, String what) {
        Long id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException(
                    "amoCRM has no " + what + " '" + name + "' (known: " + ids.keySet() + ")");
        }
        return id;
    }
}
