package io.slotbridge.crmconnector.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A typed value to write into one custom field; each CRM adapter renders it in its own wire format. */
public sealed interface FieldWrite {

    String fieldId();

    record Text(String fieldId, String text) implements FieldWrite {}

    record Number(String fieldId, BigDecimal number) implements FieldWrite {}

    record Flag(String fieldId, boolean value) implements FieldWrite {}

    /** A calendar date; {@code startOfDay} is its midnight in the tenant's zone (amoCRM stores dates as timestamps). */
    record Date(String fieldId, LocalDate date, OffsetDateTime startOfDay) implements FieldWrite {}

    record DateTime(String fieldId, OffsetDateTime at) implements FieldWrite {}

    record Options(String fieldId, List<String> optionIds) implements FieldWrite {
        public Options {
            optionIds = List.copyOf(optionIds);
        }
    }

    /** Empties the field. */
    record Clear(String fieldId) implements FieldWrite {}
}
