package io.slotbridge.sandbox.web;

import java.util.Map;

/** One emulated lead or deal as the sandbox page shows it. */
public record LeadRow(
        String crm,
        String account,
        long id,
        String name,
        String stage,
        String stageColor,
        Map<String, String> fields,
        String updated) {}
