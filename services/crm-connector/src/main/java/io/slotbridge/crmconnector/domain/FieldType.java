package io.slotbridge.crmconnector.domain;

/** How a custom field's values are normalised in snapshots and parsed from commands. */
public enum FieldType {
    TEXT,
    NUMBER,
    CHECKBOX,
    DATE,
    DATE_TIME,
    SELECT,
    MULTISELECT,
    OTHER
}
