package io.slotbridge.followup.app;

import io.slotbridge.contracts.messaging.MessagingInbound;
import io.slotbridge.contracts.messaging.WhatsAppMessageReceived;
import io.slotbridge.contracts.messaging.WhatsAppStatusUpdated;
import io.slotbridge.followup.client.WazzupErrors;
import io.slotbridge.followup.config.FollowupTenant;
import io.slotbridge.followup.config.FollowupTenants;
import io.slotbridge.followup.domain.Run;
import io.slotbridge.followup.domain.SendLog;
import io.slotbridge.followup.domain.StopCondition;
import io.slotbridge.followup.store.LeadStore;
import io.slotbridge.followup.store.RunStore;
import io.slotbridge.followup.store.SendEntry;
import io.slotbridge.followup.store.SendLogStore;
import io.slotbridge.followup.store.StoredRun;
import io.slotbridge.platform.outbox.InboxDeduplicator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code messaging.inbound.v1}: a client's own WhatsApp message stops the runs of every lead with that phone; an echo
 * (the operator wrote from the phone) is recorded, not a stop; statuses of our messages are recorded on the run, and
 * an outgoing API message in a chat with an uncertain send confirms that send.
 */
@Component
public class MessagingHandler {

    static final String CONSUMER = "followup.messaging-inbound";
    private static final Logger log = LoggerFactory.getLogger(MessagingHandler.class);
    private static final Map<String, Integer> STATUS_RANK = Map.of("sent", 1, "delivered", 2, "read", 3, "error", 4);

    private final FollowupTenants tenants;
    private final LeadStore leads;
    private final RunStore runs;
    private final SendLogStore sendLog;
    private final RunStopper stopper;
    private final FollowupJournal journal;
    private final InboxDeduplicator inbox;
    private final Clock clock;

    public MessagingHandler(
            FollowupTenants tenants,
            LeadStore leads,
            RunStore runs,
            SendLogStore sendLog,
            RunStopper stopper,
            FollowupJournal journal,
            InboxDeduplicator inbox,
            Clock clock) {
        this.tenants = tenants;
        this.leads = leads;
        this.runs = runs;
        this.sendLog = sendLog;
        this.stopper = stopper;
        this.journal = journal;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    public void on(MessagingInbound event) {
        Optional<FollowupTenant> tenant = tenants.find(event.tenant());
        if (tenant.isEmpty() || !inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        Instant now = clock.instant();
        if (event instanceof WhatsAppMessageReceived message) {
            onMessage(tenant.get(), message, now);
        } else if (event instanceof WhatsAppStatusUpdated status) {
            onStatus(status, now);
        }
    }

    private void onMessage(FollowupTenant tenant, WhatsAppMessageReceived message, Instant now) {
        String phone = Phones.digits(message.chatId());
        if (phone == null) {
            return;
        }
        Instant sentAt = message.sentAt() == null ? message.occurredAt() : message.sentAt();
        List<String> leadIds = leads.leadsWithPhone(tenant.id(), phone);
        if (message.isFromClient()) {
            leads.clientWrote(tenant.id(), phone, sentAt);
            leads.recordChatMessage(tenant.id(), message.messageId(), phone, null, "client", sentAt);
            for (String leadId : leadIds) {
                stopper.stop(tenant, leadId, StopCondition.CLIENT_REPLIED, message.eventId(), now);
            }
            return;
        }
        String runId = leadIds.stream()
                .map(leadId -> runs.lockActive(tenant.id(), leadId))
                .flatMap(Optional::stream)
                .map(stored -> stored.run().runId())
                .findFirst()
                .orElse(null);
        if (message.echo()) {
            leads.recordChatMessage(tenant.id(), message.messageId(), phone, runId, "echo", sentAt);
            log.info(
                    "operator's own WhatsApp message in chat of {} recorded (echo, not a client reply)",
                    runId == null ? "a lead without an active run" : "run " + runId);
            return;
        }
        leads.recordChatMessage(tenant.id(), message.messageId(), phone, runId, "outgoing", sentAt);
        confirmUncertainSend(tenant, phone, message, now);
    }

    /** We are the only API sender of the channel, so an API message in that chat is the send we were unsure of. */
    private void confirmUncertainSend(
            FollowupTenant tenant, String phone, WhatsAppMessageReceived message, Instant now) {
        List<SendEntry> uncertain = sendLog.lockUncertain(tenant.id(), phone);
        if (uncertain.isEmpty()) {
            return;
        }
        SendEntry entry = uncertain.get(0);
        sendLog.settle(
                entry.crmMessageId(), SendLog.State.SENT, message.messageId(), null, "confirmed by webhook", now);
        runs.find(entry.runId()).map(StoredRun::run).ifPresent(run -> {
            journal.messageStatus(
                    run, message.messageId(), statusOr(message.status(), "sent"), null, message.eventId(), now);
            journal.note(
                    run,
                    entry.position() + "|confirmed",
                    message.eventId(),
                    now,
                    "Follow-up " + run.scenario() + ": отправка шаблона «" + entry.templateName()
                            + "» подтверждена Wazzup.");
        });
    }

    private void onStatus(WhatsAppStatusUpdated status, Instant now) {
        Optional<SendEntry> found = sendLog.lockByWazzupMessageId(status.tenant(), status.messageId());
        if (found.isEmpty()) {
            return; // a message somebody else sent through the channel
        }
        SendEntry entry = found.get();
        int rank = rank(status.status());
        if (rank == 0 || rank <= rank(entry.deliveryStatus())) {
            return; // never downgrade: read stays read when a late "delivered" arrives
        }
        sendLog.deliveryStatus(entry.crmMessageId(), status.status(), status.errorCode(), now);
        Optional<Run> run = runs.find(entry.runId()).map(StoredRun::run);
        if (run.isEmpty()) {
            return;
        }
        journal.messageStatus(
                run.get(), status.messageId(), status.status(), status.errorCode(), status.eventId(), now);
        if ("error".equals(status.status())) {
            String why = WazzupErrors.isWindowClosed(status.errorCode())
                    ? "клиент не писал больше 24 часов, WhatsApp пропускает только одобренные шаблоны"
                    : status.errorCode() + (status.errorDescription() == null ? "" : " — " + status.errorDescription());
            journal.note(
                    run.get(),
                    entry.position() + "|delivery-error",
                    status.eventId(),
                    now,
                    "Follow-up " + run.get().scenario() + ": WhatsApp-сообщение «" + entry.templateName()
                            + "» не доставлено (" + why + "). Свяжитесь с клиентом вручную.");
        }
    }

    /** sent < delivered < read < error; unknown statuses (edited) rank 0. */
    private static int rank(String status) {
        return status == null ? 0 : STATUS_RANK.getOrDefault(status, 0);
    }

    private static String statusOr(String status, String fallback) {
        return status == null ? fallback : status;
    }
}
