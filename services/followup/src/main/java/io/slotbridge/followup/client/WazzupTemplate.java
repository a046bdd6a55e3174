package io.slotbridge.followup.client;

import java.util.Locale;

/** A WABA template from {@code GET /v3/templates/whatsapp}: its guid, name and moderation status. */
public record WazzupTemplate(String templateGuid, String name, String status, String rejectedReason) {

    public boolean isApproved() {
        return status != null && status.toLowerCase(Locale.ROOT).equals("approved");
    }
}
