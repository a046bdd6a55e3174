package io.slotbridge.crmconnector.domain;

/** What command planning needs to know about a lead's current state. */
public record LeadFacts(String leadId, String pipelineId, String responsibleUserId) {}
