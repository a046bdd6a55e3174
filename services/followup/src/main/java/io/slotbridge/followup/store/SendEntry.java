package io.slotbridge.followup.store;

import io.slotbridge.followup.domain.SendLog;
import java.time.Instant;

/** One row of the Wazzup send log (one per run step that sends). */
public record SendEntry(
        String crmMessageId,
        String runId,
        int position,
        String tenant,
        String leadId,
        String chatId,
        String templateName,
        String kind,
        SendLog.State state,
        int attempts,
        Instant maybeDeliveredAt,
        String wazzupMessageId,
        String deliveryStatus,
        String errorCode,
        String errorDetail,
        Instant createdAt) {}
