package io.slotbridge.crmconnector.app;

/** Application event: a CRM blocked a tenant's account and its circuit opened (the ops reporter alerts at once). */
public record AccountBlocked(String tenant) {}
