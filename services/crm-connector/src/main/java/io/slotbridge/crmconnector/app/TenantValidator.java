package io.slotbridge.crmconnector.app;

import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.domain.CrmMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks a tenant's names against its CRM: pipeline, stages by role, fields by role, loss reasons, people's e-mails.
 * Each problem names the key and the value, as the admin API promises.
 */
@Component
public class TenantValidator {

    private final CrmAccounts accounts;
    private final MetadataCache metadata;

    public TenantValidator(CrmAccounts accounts, MetadataCache metadata) {
        this.accounts = accounts;
        this.metadata = metadata;
    }

    public record Problem(String key, String message) {}

    public List<Problem> validate(String tenant) {
        TenantSettings settings = accounts.get(tenant).settings();
        CrmMetadata md = metadata.refreshOnMiss(tenant);
        List<Problem> problems = new ArrayList<>();
        Optional<CrmMetadata.Pipeline> pipeline = Optional.empty();
        if (settings.crm().pipeline() == null) {
            problems.add(new Problem("crm.pipeline", "no default pipeline configured"));
        } else {
            pipeline = md.pipelineByName(settings.crm().pipeline());
            if (pipeline.isEmpty()) {
                problems.add(new Problem(
                        "crm.pipeline",
                        "pipeline '" + settings.crm().pipeline() + "' does not exist; the CRM has: "
                                + String.join(
                                        ", ",
                                        md.pipelines().stream()
                                                .map(CrmMetadata.Pipeline::name)
                                                .toList())));
            }
        }
        if (pipeline.isPresent()) {
            CrmMetadata.Pipeline p = pipeline.get();
            settings.stages().forEach((role, name) -> {
                if (p.stageByName(name).isEmpty()) {
                    problems.add(new Problem(
                            "stages." + role, "stage '" + name + "' does not exist in pipeline '" + p.name() + "'"));
                }
            });
            if (p.stages().stream().noneMatch(s -> s.semantic() == StageSemantic.LOST)) {
                problems.add(new Problem("crm.pipeline", "pipeline '" + p.name() + "' has no closed-lost stage"));
            }
        }
        settings.fields().forEach((role, name) -> {
            if (md.fieldByName(name).isEmpty()) {
                problems.add(new Problem("fields." + role, "lead field '" + name + "' does not exist"));
            }
        });
        settings.lossReasons().forEach((role, name) -> {
            if (md.lossReasonIdByName(name).isEmpty()) {
                problems.add(new Problem("loss-reasons." + role, "loss reason '" + name + "' does not exist"));
            }
        });
        for (int i = 0; i < settings.people().size(); i++) {
            TenantSettings.Person person = settings.people().get(i);
            if (person.email() == null || md.userByEmailOrName(person.email()).isEmpty()) {
                problems.add(new Problem(
                        "people[" + i + "].email",
                        "no CRM user with e-mail '" + person.email() + "' (" + person.name() + ")"));
            }
        }
        return problems;
    }
}
