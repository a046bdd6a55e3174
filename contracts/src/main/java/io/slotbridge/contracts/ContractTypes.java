package io.slotbridge.contracts;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Arrays;
import java.util.List;

/** Stable logical type names ({@code lead.snapshot}, {@code slot.paint}…) of contract records. */
public final class ContractTypes {

    /**
     * Read once per class: every published record asks for its type (the {@code ce_type} header), and reading an
     * annotation goes through a reflective proxy each time (about 1 % of the gateway's event loops in
     * deploy/bench/ingest).
     */
    private static final ClassValue<String> TYPE_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> recordType) {
            JsonTypeName name = recordType.getAnnotation(JsonTypeName.class);
            if (name == null) {
                throw new IllegalArgumentException(recordType.getName() + " has no @JsonTypeName");
            }
            return name.value();
        }
    };

    private ContractTypes() {}

    /** The logical {@code type} of a record, as written in its JSON body and in the {@code ce_type} header. */
    public static String typeName(Class<?> recordType) {
        return TYPE_NAMES.get(recordType);
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
