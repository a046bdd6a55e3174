package io.slotbridge.followup.app;

import io.slotbridge.followup.client.WazzupChannel;
import io.slotbridge.followup.client.WazzupClient;
import io.slotbridge.followup.client.WazzupException;
import io.slotbridge.followup.client.WazzupTemplate;
import io.slotbridge.followup.config.FollowupTenant;
import io.slotbridge.followup.config.FollowupTenants;
import io.slotbridge.followup.domain.Sequence;
import io.slotbridge.followup.domain.Step;
import io.slotbridge.followup.domain.TemplateSpec;
import io.slotbridge.followup.domain.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a tenant's follow-up configuration against itself and against Wazzup: keys that are missing, placeholder
 * templates, templates Meta has not approved, a channel that cannot send. Sequence syntax is checked at startup.
 */
@Component
public class TenantValidator {

    /** Wazzup refuses longer webhook URIs. */
    static final int MAX_WEBHOOK_URI = 200;

    private final FollowupTenants tenants;
    private final WazzupClient wazzup;

    public TenantValidator(FollowupTenants tenants, WazzupClient wazzup) {
        this.tenants = tenants;
        this.wazzup = wazzup;
    }

    public List<ValidationProblem> validate(FollowupTenant tenant) {
        String base = "slotbridge.tenants." + tenant.id() + ".";
        List<ValidationProblem> problems = new ArrayList<>();
        if (tenant.sequenceFor(Trigger.QUALIFIED_IDLE).isPresent() && tenant.qualifiedStage() == null) {
            problems.add(new ValidationProblem(
                    base + "stages.qualified", "scenario A starts from this stage; name it as the CRM shows it"));
        }
        if (tenant.meetingScheduledStage() == null) {
            problems.add(new ValidationProblem(
                    base + "stages.meeting-scheduled",
                    "a move to this stage stops follow-up runs; name it as the CRM shows it"));
        }
        for (Sequence sequence : tenant.sequences().values()) {
            for (Step step : sequence.steps()) {
                if (step instanceof Step.CloseLost close
                        && !tenant.lossReasons().containsKey(close.reason())) {
                    problems.add(new ValidationProblem(
                            base + "loss-reasons." + close.reason(),
                            "sequence " + sequence.name() + " closes leads with '" + close.reason()
                                    + "', which is not a role in loss-reasons; it is sent to the CRM as a name"));
                }
            }
        }
        if (tenants.publicBaseUrl() == null || tenants.publicBaseUrl().isBlank()) {
            problems.add(new ValidationProblem(
                    "slotbridge.public-base-url", "Wazzup webhooks need the gateway's public address"));
        } else if (tenant.webhookSecret() != null && webhookUri(tenant).length() > MAX_WEBHOOK_URI) {
            problems.add(new ValidationProblem(
                    base + "messaging.wazzup.webhook-secret",
                    "the webhook URI is longer than Wazzup's " + MAX_WEBHOOK_URI + " characters"));
        }
        if (tenant.webhookSecret() == null || tenant.webhookSecret().isBlank()) {
            problems.add(new ValidationProblem(
                    base + "messaging.wazzup.webhook-secret",
                    "Wazzup webhooks carry no signature; the URI needs a secret path segment"));
        }
        if (!tenant.wazzup().isConfigured()) {
            problems.add(new ValidationProblem(
                    base + "messaging.wazzup",
                    "base-url, api-key and channel-id are needed to send WhatsApp templates"));
            templateProblems(tenant, base, Optional.empty(), problems);
            return problems;
        }
        try {
            List<WazzupChannel> channels = wazzup.channels(tenant.wazzup());
            Optional<WazzupChannel> channel = channels.stream()
                    .filter(c -> tenant.wazzup().channelId().equals(c.channelId()))
                    .findFirst();
            if (channel.isEmpty()) {
                problems.add(new ValidationProblem(
                        base + "messaging.wazzup.channel-id",
                        "Wazzup has no channel " + tenant.wazzup().channelId() + " for this API key"));
            } else if (!channel.get().isActive()) {
                problems.add(new ValidationProblem(
                        base + "messaging.wazzup.channel-id",
                        "channel state is '" + channel.get().state() + "'; only 'active' can send"));
            }
            templateProblems(tenant, base, Optional.of(wazzup.templates(tenant.wazzup())), problems);
        } catch (WazzupException e) {
            problems.add(new ValidationProblem(base + "messaging.wazzup", "cannot check Wazzup: " + e.getMessage()));
            templateProblems(tenant, base, Optional.empty(), problems);
        }
        return problems;
    }

    public String webhookUri(FollowupTenant tenant) {
        String base = tenants.publicBaseUrl();
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed + "/hooks/wazzup/" + tenant.id() + "/" + tenant.webhookSecret();
    }

    /** Template names the tenant's sequences send. */
    public static Set<String> usedTemplates(FollowupTenant tenant) {
        Set<String> names = new LinkedHashSet<>();
        tenant.sequences().values().forEach(sequence -> sequence.steps().stream()
                .filter(step -> step instanceof Step.SendTemplate)
                .map(step -> ((Step.SendTemplate) step).template())
                .forEach(names::add));
        return names;
    }

    private void templateProblems(
            FollowupTenant tenant, String base, Optional<List<WazzupTemplate>> listed, List<ValidationProblem> out) {
        for (String name : usedTemplates(tenant)) {
            TemplateSpec spec = tenant.template(name).orElseThrow();
            String key = base + "followup.templates." + name;
            if (spec.isPlaceholder()) {
                out.add(new ValidationProblem(
                        key,
                        "placeholder: set the template-id of the approved WABA template "
                                + "(until then this step is skipped with a note on the lead)"));
            } else if (spec.hasTemplateId() && listed.isPresent()) {
                Optional<WazzupTemplate> template = listed.get().stream()
                        .filter(t -> spec.templateId().equals(t.templateGuid()))
                        .findFirst();
                if (template.isEmpty()) {
                    out.add(new ValidationProblem(key, "Wazzup lists no template " + spec.templateId()));
                } else if (!template.get().isApproved()) {
                    out.add(
                            new ValidationProblem(
                                    key,
                                    "template status is '" + template.get().status()
                                            + "'; only approved templates are sent to clients who have not written within 24 h"));
                }
            }
        }
    }
}
