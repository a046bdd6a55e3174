package io.slotbridge.sandbox.amocrm;

import java.util.List;
import org.springframework.stereotype.Component;

/** Deleting a lead as a person would in amoCRM's UI: the lead disappears and {@code leads[delete]} is posted. */
@Component
public class AmoLeadDeletion {

    private final AmoCrmStore store;
    private final AmoWebhookSender webhooks;

    public AmoLeadDeletion(AmoCrmStore store, AmoWebhookSender webhooks) {
        this.store = store;
        this.webhooks = webhooks;
    }

    public boolean delete(String subdomain, long leadId) {
        AmoAccount account = store.account(subdomain);
        return account.deleteLead(leadId)
                .map(hook -> {
                    webhooks.publish(account, List.of(hook));
                    return true;
                })
                .orElse(false);
    }
}
