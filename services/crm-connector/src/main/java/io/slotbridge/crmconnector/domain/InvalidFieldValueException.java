package io.slotbridge.crmconnector.domain;

/** A command's field value that cannot be written into the named field (wrong format, unknown option). */
public class InvalidFieldValueException extends RuntimeException {

    private final boolean unknownOption;

    public InvalidFieldValueException(String message, boolean unknownOption) {
        super(message);
        this.unknownOption = unknownOption;
    }

    /** True when the value names an option the field does not have (NOT_FOUND rather than INVALID). */
    public boolean unknownOption() {
        return unknownOption;
    }
}
