package io.slotbridge.sandbox.bitrix24;

import io.slotbridge.sandbox.web.LeadRow;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The Bitrix24 deals for the sandbox page, with user fields shown under their labels. */
@Component
public class BitrixDealRows {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private final BitrixStore store;

    public BitrixDealRows(BitrixStore store) {
        this.store = store;
    }

    public List<LeadRow> rows() {
        List<LeadRow> rows = new ArrayList<>();
        for (BitrixPortal portal : store.all()) {
            for (Map<String, Object> deal : portal.deals()) {
                BitrixPortal.Stage stage = portal.stage(String.valueOf(deal.get("STAGE_ID")));
                Map<String, String> fields = new LinkedHashMap<>();
                for (BitrixPortal.UserField field : portal.userFields()) {
                    Object value = deal.get(field.name());
                    if (value != null) {
                        String text = String.valueOf(value);
                        fields.put(
                                field.label(),
                                switch (field.type()) {
                                    case "enumeration" -> field.items().getOrDefault(text, text);
                                    case "datetime" -> TIME.format(OffsetDateTime.parse(text));
                                    default -> text;
                                });
                    }
                }
                rows.add(new LeadRow(
                        "Bitrix24",
                        portal.name,
                        Long.parseLong(String.valueOf(deal.get("ID"))),
                        String.valueOf(deal.get("TITLE")),
                        stage == null ? String.valueOf(deal.get("STAGE_ID")) : stage.name(),
                        stage == null ? "#eeeeee" : stage.color(),
                        fields,
                        TIME.format(OffsetDateTime.parse(String.valueOf(deal.get("DATE_MODIFY"))))));
            }
        }
        return rows;
    }
}
