package io.slotbridge.contracts.crm;

/** Where a stage sits in the pipeline, independent of its name (amoCRM 142/143, Bitrix24 S/F semantics). */
public enum StageSemantic {
    OPEN,
    WON,
    LOST
}
