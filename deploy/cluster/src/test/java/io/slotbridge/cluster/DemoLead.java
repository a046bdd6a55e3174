package io.slotbridge.cluster;

import java.time.Instant;

/** One driven lead: its CRM id, its client's phone (digits, the WhatsApp chat id), the scenario and meeting times. */
record DemoLead(long id, String phone, Scenario scenario, Instant meeting, Instant rescheduledTo) {}
