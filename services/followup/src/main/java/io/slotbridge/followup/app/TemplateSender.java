package io.slotbridge.followup.app;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.followup.client.OutgoingMessage;
import io.slotbridge.followup.client.SendOutcome;
import io.slotbridge.followup.client.WazzupClient;
import io.slotbridge.followup.client.WazzupTemplate;
import io.slotbridge.followup.config.FollowupProperties;
import io.slotbridge.followup.config.FollowupTenant;
import io.slotbridge.followup.domain.MessageChoice;
import io.slotbridge.followup.domain.Run;
import io.slotbridge.followup.domain.SendLog;
import io.slotbridge.followup.domain.Step;
import io.slotbridge.followup.domain.TemplateSpec;
import io.slotbridge.followup.store.LeadState;
import io.slotbridge.followup.store.SendEntry;
import io.slotbridge.followup.store.SendLogStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one template step through Wazzup exactly once. The intent is committed before the first request and every
 * request is recorded before it leaves, each in its own transaction; repeats reuse the crmMessageId and happen only
 * while Wazzup would still recognise them (60 s). Runs outside any transaction: no row lock is held over HTTP.
 */
@Component
public class TemplateSender {

    private static final Logger log = LoggerFactory.getLogger(TemplateSender.class);

    private final WazzupClient wazzup;
    private final SendLogStore sendLog;
    private final TemplateApprovals approvals;
    private final Clock clock;
    private final FollowupProperties.Wazzup settings;
    private final TransactionTemplate ownTransaction;
    private final RetryConfig retryConfig;

    public TemplateSender(
            WazzupClient wazzup,
            SendLogStore sendLog,
            TemplateApprovals approvals,
            Clock clock,
            FollowupProperties properties,
            PlatformTransactionManager transactions) {
        this.wazzup = wazzup;
        this.sendLog = sendLog;
        this.approvals = approvals;
        this.clock = clock;
        this.settings = properties.wazzup();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.retryConfig = RetryConfig.<Attempt>custom()
                .maxAttempts(settings.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.backoff(), 2.0, settings.maxBackoff()))
                .retryOnResult(a -> !a.windowClosed() && a.outcome() instanceof SendOutcome.Transient)
                .failAfterMaxAttempts(false)
                .build();
    }

    public SendResult send(FollowupTenant tenant, Run run, Step.SendTemplate step, LeadState lead) {
        Optional<SendEntry> existing = sendLog.find(run.runId(), run.position());
        if (existing.isPresent()) {
            SendEntry entry = existing.get();
            SendLog.Verdict verdict = SendLog.verdict(
                    entry.state(), entry.maybeDeliveredAt(), clock.instant(), settings.safeRepeatWindow());
            if (verdict == SendLog.Verdict.SETTLED) {
                return settled(entry);
            }
            if (verdict == SendLog.Verdict.UNCERTAIN) {
                return uncertain(entry);
            }
        }
        Prepared prepared = prepare(tenant, run, step, lead, existing);
        if (prepared.skip() != null) {
            return new SendResult.Skipped(prepared.skip());
        }
        SendEntry entry = existing.orElseGet(() -> {
            SendEntry intent = new SendEntry(
                    prepared.message().crmMessageId(),
                    run.runId(),
                    run.position(),
                    run.tenant(),
                    run.leadId(),
                    prepared.message().chatId(),
                    step.template(),
                    prepared.message().isTemplate() ? "template" : "text",
                    SendLog.State.SENDING,
                    0,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            ownTransaction.executeWithoutResult(s -> sendLog.recordIntent(intent, clock.instant()));
            return intent;
        });
        Retry retry = Retry.of("wazzup-send-" + run.tenant(), retryConfig);
        Attempt last = retry.executeSupplier(() -> attemptOnce(tenant, entry, prepared.message()));
        return conclude(entry, last, prepared.message().isTemplate());
    }

    private Prepared prepare(
            FollowupTenant tenant, Run run, Step.SendTemplate step, LeadState lead, Optional<SendEntry> existing) {
        if (!tenant.wazzup().isConfigured()) {
            return Prepared.skip("Wazzup is not configured for tenant " + tenant.id()
                    + " (messaging.wazzup.api-key and channel-id)");
        }
        String chatId = existing.map(SendEntry::chatId).orElse(lead == null ? null : lead.phone());
        if (chatId == null || chatId.isBlank()) {
            return Prepared.skip("the lead has no contact phone to write to on WhatsApp");
        }
        Optional<TemplateSpec> spec = tenant.template(step.template());
        if (spec.isEmpty()) {
            return Prepared.skip("template '" + step.template() + "' is not configured in followup.templates");
        }
        Map<String, String> variables = new HashMap<>();
        variables.put("client", lead == null ? "" : lead.contactName());
        variables.put("lead", lead == null ? "" : lead.leadName());
        MessageChoice choice = MessageChoice.choose(
                spec.get(),
                lead == null ? null : lead.lastClientMessageAt(),
                clock.instant(),
                settings.freeTextWindow(),
                variables);
        String crmMessageId = existing.map(SendEntry::crmMessageId)
                .orElseGet(
                        () -> MessageIds.deterministic(run.runId(), String.valueOf(run.position()), "send-template"));
        if (choice instanceof MessageChoice.Unusable unusable) {
            return Prepared.skip(unusable.reason());
        }
        if (choice instanceof MessageChoice.FreeText text) {
            return new Prepared(OutgoingMessage.text(chatId, crmMessageId, text.text()), null);
        }
        MessageChoice.Template template = (MessageChoice.Template) choice;
        TemplateApprovals.Lookup lookup = approvals.lookup(tenant.wazzup(), template.templateId());
        if (lookup.known() && !lookup.template().map(WazzupTemplate::isApproved).orElse(false)) {
            return Prepared.skip(
                    "template '" + step.template() + "' (" + template.templateId() + ") is not approved in "
                            + "Wazzup: "
                            + lookup.template()
                                    .map(t -> "status " + t.status()
                                            + (t.rejectedReason() == null ? "" : ", " + t.rejectedReason()))
                                    .orElse("not listed by GET /v3/templates/whatsapp"));
        }
        return new Prepared(
                OutgoingMessage.template(chatId, crmMessageId, template.templateId(), template.values()), null);
    }

    private Attempt attemptOnce(FollowupTenant tenant, SendEntry intent, OutgoingMessage message) {
        SendEntry current = sendLog.find(intent.runId(), intent.position()).orElseThrow();
        Instant now = clock.instant();
        if (SendLog.verdict(current.state(), current.maybeDeliveredAt(), now, settings.safeRepeatWindow())
                != SendLog.Verdict.SEND) {
            return new Attempt(null, true);
        }
        ownTransaction.executeWithoutResult(s -> sendLog.attemptStarting(current.crmMessageId(), now));
        SendOutcome outcome = wazzup.send(tenant.wazzup(), message);
        String detail = describe(outcome);
        ownTransaction.executeWithoutResult(s -> {
            if (outcome.maybeDelivered()) {
                sendLog.recordError(
                        current.crmMessageId(),
                        outcome instanceof SendOutcome.Transient ? detail : null,
                        clock.instant());
            } else {
                sendLog.attemptNotDelivered(
                        current.crmMessageId(), current.maybeDeliveredAt(), detail, clock.instant());
            }
        });
        if (outcome instanceof SendOutcome.Transient) {
            log.warn(
                    "Wazzup send {} of lead {}:{} failed transiently: {}",
                    current.crmMessageId(),
                    intent.tenant(),
                    intent.leadId(),
                    detail);
        }
        return new Attempt(outcome, false);
    }

    private SendResult conclude(SendEntry entry, Attempt last, boolean asTemplate) {
        Instant now = clock.instant();
        if (last.windowClosed()) {
            return uncertain(entry);
        }
        SendOutcome outcome = last.outcome();
        if (outcome instanceof SendOutcome.Sent sent) {
            ownTransaction.executeWithoutResult(
                    s -> sendLog.settle(entry.crmMessageId(), SendLog.State.SENT, sent.messageId(), null, null, now));
            return new SendResult.Delivered(
                    sent.messageId(), "sent, Wazzup messageId " + sent.messageId(), !asTemplate);
        }
        if (outcome instanceof SendOutcome.AlreadySent) {
            ownTransaction.executeWithoutResult(s -> sendLog.settle(
                    entry.crmMessageId(), SendLog.State.SENT, null, null, "REPEATED_CRM_MESSAGE_ID", now));
            return new SendResult.Delivered(
                    null,
                    "sent (Wazzup refused a repeat of crmMessageId, so an earlier request went out)",
                    !asTemplate);
        }
        if (outcome instanceof SendOutcome.Rejected rejected) {
            ownTransaction.executeWithoutResult(s -> sendLog.settle(
                    entry.crmMessageId(), SendLog.State.FAILED, null, rejected.code(), rejected.description(), now));
            return new SendResult.Skipped("Wazzup refused the message: " + describe(outcome));
        }
        if (outcome instanceof SendOutcome.ChannelProblem problem) {
            return new SendResult.Held(problem.code(), describe(outcome));
        }
        return new SendResult.RetryLater(describe(outcome));
    }

    private SendResult settled(SendEntry entry) {
        return switch (entry.state()) {
            case SENT ->
                new SendResult.Delivered(
                        entry.wazzupMessageId(),
                        "sent earlier, Wazzup messageId " + entry.wazzupMessageId(),
                        "text".equals(entry.kind()));
            case FAILED ->
                new SendResult.Skipped("Wazzup refused the message: " + entry.errorCode() + " " + entry.errorDetail());
            default -> new SendResult.Uncertain(uncertainReason());
        };
    }

    private SendResult uncertain(SendEntry entry) {
        ownTransaction.executeWithoutResult(s -> sendLog.settle(
                entry.crmMessageId(), SendLog.State.UNCERTAIN, null, null, uncertainReason(), clock.instant()));
        log.warn(
                "Wazzup send {} of lead {}:{} is uncertain; it is not repeated, a person checks the chat",
                entry.crmMessageId(),
                entry.tenant(),
                entry.leadId());
        return new SendResult.Uncertain(uncertainReason());
    }

    private static String uncertainReason() {
        return "a request may have reached Wazzup but no answer came within its 60 s dedupe window; "
                + "repeating could send the message twice";
    }

    private static String describe(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent sent) {
            return "sent " + sent.messageId();
        }
        if (outcome instanceof SendOutcome.AlreadySent) {
            return "REPEATED_CRM_MESSAGE_ID";
        }
        if (outcome instanceof SendOutcome.Rejected r) {
            return r.code() + (r.description() == null ? "" : " (" + r.description() + ")");
        }
        if (outcome instanceof SendOutcome.ChannelProblem c) {
            return c.code() + (c.description() == null ? "" : " (" + c.description() + ")");
        }
        SendOutcome.Transient t = (SendOutcome.Transient) outcome;
        return t.code() + (t.description() == null ? "" : " (" + t.description() + ")");
    }

    private record Prepared(OutgoingMessage message, String skip) {
        static Prepared skip(String reason) {
            return new Prepared(null, reason);
        }
    }

    /** One request's outcome, or {@code windowClosed} when no further request was allowed. */
    private record Attempt(SendOutcome outcome, boolean windowClosed) {}
}
