package io.slotbridge.contracts;

/** A record that belongs to one lead; its key is {@code {tenant}:{leadId}}. */
public interface LeadScoped extends Envelope {

    String leadId();

    @Override
    default String kafkaKey() {
        return Keys.lead(tenant(), leadId());
    }
}
