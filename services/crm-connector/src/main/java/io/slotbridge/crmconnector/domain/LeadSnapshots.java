package io.slotbridge.crmconnector.domain;

import io.slotbridge.contracts.crm.CrmUser;
import io.slotbridge.contracts.crm.LeadContact;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What about a snapshot counts as a change. Everything a person or a rule can act on does; the modification time,
 * the modifying user and the ids of this publication do not, so touching a lead without changing it publishes
 * nothing.
 */
public final class LeadSnapshots {

    public static final String NAME = "name";
    public static final String PIPELINE = "pipeline";
    public static final String STAGE = "stage";
    public static final String LOSS_REASON = "lossReason";
    public static final String RESPONSIBLE = "responsible";
    public static final String CONTACT = "contact";
    public static final String FIELD_PREFIX = "field:";

    private LeadSnapshots() {}

    public static String fieldKey(String fieldName) {
        return FIELD_PREFIX + fieldName;
    }

    /** The comparable attributes of a snapshot, key → value (absent keys mean "empty"). */
    public static Map<String, String> attributes(LeadSnapshotted s) {
        Map<String, String> a = new TreeMap<>();
        put(a, NAME, s.name());
        put(a, PIPELINE, s.pipeline());
        put(a, STAGE, s.stage() + " [" + s.stageSemantic() + "]");
        put(a, LOSS_REASON, s.lossReason());
        put(a, RESPONSIBLE, user(s.responsible()));
        put(a, CONTACT, contact(s.contact()));
        put(a, "createdAt", s.createdAt() == null ? null : s.createdAt().toString());
        put(a, "cardUrl", s.cardUrl());
        s.fields().forEach((name, value) -> put(a, fieldKey(name), value));
        return a;
    }

    /** The value of {@code key} as {@link #attributes} reports it, for comparing with what a command wrote. */
    public static String comparable(String key, String written, LeadSnapshotted s) {
        if (key.equals(STAGE) && written != null) {
            return written + " [" + s.stageSemantic() + "]";
        }
        return written;
    }

    public static String fingerprint(LeadSnapshotted s) {
        StringBuilder text = new StringBuilder();
        attributes(s).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys whose values differ between two snapshots. */
    public static TreeSet<String> changedKeys(LeadSnapshotted before, LeadSnapshotted after) {
        Map<String, String> a = attributes(before);
        Map<String, String> b = attributes(after);
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        keys.removeIf(k -> Objects.equals(a.get(k), b.get(k)));
        return keys;
    }

    /** The snapshot as published: its event id, time, echo attribution and cause. */
    public static LeadSnapshotted publishedAs(
            LeadSnapshotted s, String eventId, Instant occurredAt, List<String> echoOf, String causationId) {
        return new LeadSnapshotted(
                eventId,
                s.tenant(),
                s.leadId(),
                occurredAt,
                s.crm(),
                s.version(),
                s.name(),
                s.pipeline(),
                s.stage(),
                s.stageSemantic(),
                s.lossReason(),
                s.responsible(),
                s.modifiedBy(),
                s.createdAt(),
                s.updatedAt(),
                new LinkedHashMap<>(s.fields()),
                s.contact(),
                s.cardUrl(),
                echoOf,
                causationId);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String user(CrmUser u) {
        return u == null ? null : u.id() + "|" + u.name() + "|" + u.email();
    }

    private static String contact(LeadContact c) {
        return c == null ? null : c.id() + "|" + c.name() + "|" + c.phone() + "|" + c.email();
    }
}
