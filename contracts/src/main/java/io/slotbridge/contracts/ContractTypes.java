package io.slotbridge.contracts;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Arrays;
import java.util.List;

/** Stable logical type names ({@code lead.snapshot}, {@code slot.paint}…) of contract records. */
public final class ContractTypes {

    private ContractTypes() {}

    /** The logical {@code type} of a record, as written in its JSON body and in the {@code ce_type} header. */
    public static String typeName(Class<?> recordType) {
        JsonTypeName name = recordType.getAnnotation(JsonTypeName.class);
        if (name == null) {
            throw new IllegalArgumentException(recordType.getName() + " has no @JsonTypeName");
        }
        return name.value();
    }

    public static String typeName(Object record) {
        return typeName(record.getClass());
    }

    /** The concrete record classes a topic may carry (the permitted subclasses of its sealed interface). */
    public static List<Class<?>> recordTypes(TopicSpec<?> topic) {
        Class<?>[] permitted = topic.valueType().getPermittedSubclasses();
        if (permitted == null) {
            throw new IllegalStateException(topic.valueType() + " is not sealed");
        }
        return Arrays.asList(permitted);
    }
}
