package io.slotbridge.sandbox.amocrm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The amoCRM entities the sandbox keeps. Mutable ones are only touched under their account's lock. */
final class AmoModel {

    private AmoModel() {}

    record Status(long id, String name, int sort, boolean editable, String color, int type) {}

    record Pipeline(long id, String name, int sort, boolean main, List<Status> statuses) {
        Status status(long statusId) {
            return statuses.stream()
                    .filter(status -> status.id() == statusId)
                    .findFirst()
                    .orElse(null);
        }
    }

    record FieldEnum(long id, String value, int sort) {}

    /** A custom field definition; {@code entityType} is {@code leads} or {@code contacts}. */
    record CustomField(
            long id, String name, String type, String code, int sort, String entityType, List<FieldEnum> enums) {
        FieldEnum enumById(long enumId) {
            return enums.stream().filter(e -> e.id() == enumId).findFirst().orElse(null);
        }

        FieldEnum enumByValue(String value) {
            return enums.stream()
                    .filter(e -> e.value().equals(value))
                    .findFirst()
                    .orElse(null);
        }
    }

    record User(long id, String name, String email, boolean admin) {}

    record LossReason(long id, String name, int sort, long createdAt) {}

    /** One stored value of a custom field: {@code value} is a String, Long (dates) or Boolean. */
    record FieldValue(Object value, Long enumId, String enumCode) {}

    record FieldValues(CustomField field, List<FieldValue> values) {}

    static final class Lead {
        long id;
        String name = "";
        long price;
        long responsibleUserId;
        long statusId;
        long pipelineId;
        Long lossReasonId;
        long createdBy;
        long updatedBy;
        long createdAt;
        long updatedAt;
        Long closedAt;
        boolean deleted;
        final List<FieldValues> customFields = new ArrayList<>();
        final Set<Long> contactIds = new LinkedHashSet<>();
        final List<String> tags = new ArrayList<>();
    }

    static final class Contact {
        long id;
        String name = "";
        String firstName = "";
        String lastName = "";
        long responsibleUserId;
        long createdBy;
        long updatedBy;
        long createdAt;
        long updatedAt;
        final List<FieldValues> customFields = new ArrayList<>();
        final Set<Long> leadIds = new LinkedHashSet<>();
    }

    record Note(
            long id,
            long entityId,
            String noteType,
            Map<String, Object> params,
            long createdBy,
            long createdAt,
            long responsibleUserId) {}

    static final class Task {
        long id;
        long entityId;
        String entityType;
        long taskTypeId;
        String text;
        long completeTill;
        long duration;
        long responsibleUserId;
        boolean completed;
        String resultText;
        long createdBy;
        long updatedBy;
        long createdAt;
        long updatedAt;
    }

    record Webhook(long id, String destination, List<String> settings, int sort, long createdAt, long createdBy) {}
}
