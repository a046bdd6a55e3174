package io.slotbridge.crmconnector.kafka;

import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.crmconnector.app.CrmAccounts;
import io.slotbridge.crmconnector.app.DeferredQueue;
import io.slotbridge.crmconnector.config.KafkaListenersConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * {@code crm.commands.v1}, keyed by tenant so this consumer owns each account's budget. A poll is executed as one batch
 * per tenant; an unreadable command or one for a tenant we do not serve goes to {@code crm.commands.v1-dlt}. Commands
 * the CRM does not take yet (a blocked account, a parked method) wait in a {@link DeferredQueue}, so the
 * consumer never pauses: one tenant's wait holds up nobody else.
 */
@Component
public class CrmCommandListener {

    private final DeferredQueue<CrmCommand> intake;
    private final CrmAccounts accounts;

    public CrmCommandListener(DeferredQueue<CrmCommand> intake, CrmAccounts accounts) {
        this.intake = intake;
        this.accounts = accounts;
    }

    @KafkaListener(
            id = "crm-connector.commands",
            topics = "#{T(io.slotbridge.contracts.Topics).CRM_COMMANDS.name()}",
            groupId = "${slotbridge.crm-connector.consumer-group:crm-connector}",
            containerFactory = KafkaListenersConfig.COMMANDS_FACTORY,
            autoStartup = "${slotbridge.crm-connector.listeners-enabled:true}")
    public void on(List<ConsumerRecord<String, Envelope>> records, Acknowledgment ack) {
        int end = records.size();
        String poison = null;
        for (int i = 0; i < records.size(); i++) {
            poison = problem(records.get(i));
            if (poison != null) {
                end = i;
                break;
            }
        }
        Map<String, List<CrmCommand>> byTenant = new LinkedHashMap<>();
        for (ConsumerRecord<String, Envelope> record : records.subList(0, end)) {
            CrmCommand command = (CrmCommand) record.value();
            byTenant.computeIfAbsent(command.tenant(), t -> new ArrayList<>()).add(command);
        }
        for (Map.Entry<String, List<CrmCommand>> tenant : byTenant.entrySet()) {
            intake.accept(tenant.getKey(), tenant.getValue());
        }
        if (poison != null) {
            throw ListenerSupport.poison(poison, end);
        }
        ack.acknowledge();
    }

    private String problem(ConsumerRecord<String, Envelope> record) {
        if (!(record.value() instanceof CrmCommand command)) {
            return ListenerSupport.unreadableReason(record);
        }
        if (!accounts.serves(command.tenant())) {
            return "command " + command.commandId() + " names tenant '" + command.tenant()
                    + "', which is not configured with a CRM this crm-connector serves";
        }
        return null;
    }
}
