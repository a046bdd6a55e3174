package io.slotbridge.contracts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 Kafka binding, binary mode: attributes travel as {@code ce_*} headers, the JSON body is the data.
 * Kept free of Kafka types so every module (and the console) can use it.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** Extension attribute: the tenant, so tools can filter without parsing bodies. */
    public static final String TENANT = "ce_tenant";

    private CloudEvents() {}

    /**
     * The headers for one record.
     *
     * @param record the record
     * @param source the producing service, e.g. {@code gateway}; becomes {@code /slotbridge/gateway}
     */
    public static Map<String, String> headers(Envelope record, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, record.recordId());
        headers.put(TYPE, ContractTypes.typeName(record));
        headers.put(SOURCE, "/slotbridge/" + source);
        headers.put(TIME, record.recordTime().toString());
        headers.put(SUBJECT, record.kafkaKey());
        headers.put(TENANT, record.tenant());
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }
}
