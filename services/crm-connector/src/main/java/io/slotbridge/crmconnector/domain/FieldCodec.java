package io.slotbridge.crmconnector.domain;

import io.slotbridge.crmconnector.domain.CrmLead.RawValue;
import io.slotbridge.crmconnector.domain.CrmMetadata.CustomField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Custom field values in the one normalised form the contracts use: date-time as ISO-8601 with the tenant's offset,
 * dates as ISO dates, options by label, several options joined by {@code "; "}, numbers as plain decimals, checkboxes as
 * {@code true}/{@code false}. Reads raw CRM values into that form and parses command values out of it.
 */
public final class FieldCodec {

    public static final String JOINER = "; ";

    private final ZoneId zone;

    public FieldCodec(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The normalised value, or null when the field holds nothing. */
    public String normalise(CustomField field, List<RawValue> values) {
        List<String> parts = new ArrayList<>();
        for (RawValue value : values) {
            String part = normaliseOne(field, value);
            if (part != null && !part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(JOINER, parts);
    }

    private String normaliseOne(CustomField field, RawValue value) {
        String raw = value.value();
        return switch (field.type()) {
            case SELECT, MULTISELECT -> {
                String label = value.optionId() == null ? null : field.options().get(value.optionId());
                yield label != null ? label : raw;
            }
            case DATE_TIME -> raw == null ? null : formatDateTime(readInstant(raw, field));
            case DATE -> raw == null ? null : readDate(raw, field).toString();
            case NUMBER -> raw == null ? null : plain(raw, field);
            case CHECKBOX -> raw == null ? null : String.valueOf(isTrue(raw));
            case TEXT, OTHER -> raw;
        };
    }

    /** Parses a normalised command value into what to write; an empty or null value clears the field. */
    public FieldWrite parse(CustomField field, String value) {
        if (value == null || value.isBlank()) {
            return new FieldWrite.Clear(field.id());
        }
        String v = value.strip();
        return switch (field.type()) {
            case SELECT -> new FieldWrite.Options(field.id(), List.of(optionId(field, v)));
            case MULTISELECT -> {
                List<String> ids = new ArrayList<>();
                for (String label : v.split(";")) {
                    if (!label.isBlank()) {
                        ids.add(optionId(field, label.strip()));
                    }
                }
                yield new FieldWrite.Options(field.id(), ids);
            }
            case DATE_TIME ->
                new FieldWrite.DateTime(
                        field.id(), readInstant(v, field).atZone(zone).toOffsetDateTime());
            case DATE -> {
                LocalDate date = readDate(v, field);
                yield new FieldWrite.Date(
                        field.id(), date, date.atStartOfDay(zone).toOffsetDateTime());
            }
            case NUMBER -> new FieldWrite.Number(field.id(), new BigDecimal(plain(v, field)));
            case CHECKBOX -> new FieldWrite.Flag(field.id(), isTrue(v));
            case TEXT, OTHER -> new FieldWrite.Text(field.id(), v);
        };
    }

    /** How a snapshot will show the value after the write: the echo detector compares against this. */
    public String canonical(CustomField field, FieldWrite write) {
        if (write instanceof FieldWrite.Text t) {
            return t.text();
        } else if (write instanceof FieldWrite.Number n) {
            return n.number().stripTrailingZeros().toPlainString();
        } else if (write instanceof FieldWrite.Flag f) {
            return String.valueOf(f.value());
        } else if (write instanceof FieldWrite.Date d) {
            return d.date().toString();
        } else if (write instanceof FieldWrite.DateTime dt) {
            return formatDateTime(dt.at().toInstant());
        } else if (write instanceof FieldWrite.Options o) {
            return String.join(
                    JOINER,
                    o.optionIds().stream().map(id -> field.options().get(id)).toList());
        }
        return null; // Clear: the field disappears from the snapshot
    }

    private String optionId(CustomField field, String label) {
        return field.optionIdByLabel(label)
                .orElseThrow(() -> new InvalidFieldValueException(
                        "field '" + field.name() + "' has no option '" + label + "' (options: "
                                + String.join(", ", field.options().values()) + ")",
                        true));
    }

    private String formatDateTime(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Epoch seconds (amoCRM), ISO with offset (Bitrix24, commands) or a local date-time in the tenant's zone. */
    private Instant readInstant(String raw, CustomField field) {
        String v = raw.strip();
        if (v.matches("-?\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(v));
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                throw new InvalidFieldValueException(
                        "field '" + field.name() + "' needs a date-time like 2026-11-24T13:00:00+03:00, got '" + raw
                                + "'",
                        false);
            }
        }
    }

    private LocalDate readDate(String raw, CustomField field) {
        String v = raw.strip();
        if (v.matches("-?\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(v)).atZone(zone).toLocalDate();
        }
        try {
            return v.length() > 10
                    ? OffsetDateTime.parse(v).atZoneSameInstant(zone).toLocalDate()
                    : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldValueException(
                    "field '" + field.name() + "' needs a date like 2026-11-24, got '" + raw + "'", false);
        }
    }

    private static String plain(String raw, CustomField field) {
        try {
            return new BigDecimal(raw.strip().replace(',', '.'))
                    .stripTrailingZeros()
                    .toPlainString();
        } catch (NumberFormatException e) {
            throw new InvalidFieldValueException(
                    "field '" + field.name() + "' needs a number, got '" + raw + "'", false);
        }
    }

    private static boolean isTrue(String raw) {
        String v = raw.strip().toLowerCase(java.util.Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("y") || v.equals("yes");
    }
}
