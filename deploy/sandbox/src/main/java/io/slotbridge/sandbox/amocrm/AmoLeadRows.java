package io.slotbridge.sandbox.amocrm;

import io.slotbridge.sandbox.web.LeadRow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The amoCRM leads for the sandbox page: stage names and field values as a person reads them. */
@Component
public class AmoLeadRows {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd.MM HH:mm").withZone(ZoneId.of("Europe/Moscow"));

    private final AmoCrmStore store;

    public AmoLeadRows(AmoCrmStore store) {
        this.store = store;
    }

    public List<LeadRow> rows() {
        List<LeadRow> rows = new ArrayList<>();
        for (AmoAccount account : store.all()) {
            for (AmoModel.Lead lead : account.leads(l -> true)) {
                AmoModel.Pipeline pipeline = account.pipeline(lead.pipelineId);
                AmoModel.Status status = pipeline == null ? null : pipeline.status(lead.statusId);
                Map<String, String> fields = new LinkedHashMap<>();
                for (AmoModel.FieldValues values : lead.customFields) {
                    fields.put(
                            values.field().name(),
                            values.values().stream()
                                    .map(v -> "date_time".equals(values.field().type())
                                                    && v.value() instanceof Long seconds
                                            ? TIME.format(Instant.ofEpochSecond(seconds))
                                            : String.valueOf(v.value()))
                                    .collect(Collectors.joining(", ")));
                }
                if (lead.lossReasonId != null) {
                    account.lossReason(lead.lossReasonId).ifPresent(r -> fields.put("Причина отказа", r.name()));
                }
                rows.add(new LeadRow(
                        "amoCRM",
                        account.subdomain,
                        lead.id,
                        lead.name,
                        status == null ? String.valueOf(lead.statusId) : status.name(),
                        status == null ? "#eeeeee" : status.color(),
                        fields,
                        TIME.format(Instant.ofEpochSecond(lead.updatedAt))));
            }
        }
        rows.sort(Comparator.comparing(LeadRow::updated).reversed());
        return rows;
    }
}
