package io.slotbridge.contracts.crm;

/** Kinds of notes (amoCRM note_type, Bitrix24 timeline/activity kinds) that matter to Slotbridge. */
public enum NoteKind {
    COMMON,
    CALL_IN,
    CALL_OUT,
    SERVICE,
    OTHER;

    public boolean isCall() {
        return this == CALL_IN || this == CALL_OUT;
    }
}
