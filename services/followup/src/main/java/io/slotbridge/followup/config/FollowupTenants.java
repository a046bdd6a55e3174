package io.slotbridge.followup.config;

import io.slotbridge.followup.client.WazzupAccount;
import io.slotbridge.followup.domain.Sequence;
import io.slotbridge.followup.domain.TemplateSpec;
import io.slotbridge.followup.domain.WorkingCalendar;
import io.slotbridge.followup.dsl.SequenceFileException;
import io.slotbridge.followup.dsl.SequenceParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Every configured tenant, resolved at startup. A sequence file that does not parse stops the service with the
 * tenant, the file, the line and the reason, before any run could use it.
 */
public final class FollowupTenants {

    private final String publicBaseUrl;
    private final Map<String, FollowupTenant> byId;

    private FollowupTenants(String publicBaseUrl, Map<String, FollowupTenant> byId) {
        this.publicBaseUrl = publicBaseUrl;
        this.byId = byId;
    }

    public static FollowupTenants load(
            TenantsProperties properties, ConfigurableEnvironment environment, ResourceLoader resources) {
        Map<String, FollowupTenant> tenants = new LinkedHashMap<>();
        properties.tenants().forEach((id, tenant) -> tenants.put(id, resolve(id, tenant, environment, resources)));
        return new FollowupTenants(properties.publicBaseUrl(), Map.copyOf(tenants));
    }

    public Optional<FollowupTenant> find(String tenant) {
        return Optional.ofNullable(byId.get(tenant));
    }

    public Collection<FollowupTenant> all() {
        return byId.values();
    }

    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    private static FollowupTenant resolve(
            String id, TenantsProperties.Tenant tenant, ConfigurableEnvironment environment, ResourceLoader resources) {
        Map<String, TemplateSpec> templates = TenantTemplatesReader.read(environment, id);
        TenantsProperties.Followup followup = tenant.followup();
        TenantsProperties.WorkingHours hours = followup.workingHours();
        WorkingCalendar calendar;
        try {
            calendar = new WorkingCalendar(tenant.timeZone(), EnumSet.copyOf(hours.days()), hours.from(), hours.to());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "tenant " + id + ": slotbridge.tenants." + id + ".followup.working-hours: " + e.getMessage(), e);
        }
        Map<String, Sequence> sequences = sequences(id, followup.sequences(), templates, resources);
        TenantsProperties.Wazzup wazzup = tenant.messaging().wazzup();
        return new FollowupTenant(
                id,
                calendar,
                followup.sequences(),
                sequences,
                Map.copyOf(templates),
                tenant.stages().get("qualified"),
                tenant.stages().get("meeting-scheduled"),
                Map.copyOf(tenant.lossReasons()),
                tenant.crm().pipeline(),
                followup.qualifiedIdle(),
                new WazzupAccount(id, wazzup.baseUrl(), wazzup.apiKey(), wazzup.channelId()),
                wazzup.webhookSecret());
    }

    private static Map<String, Sequence> sequences(
            String tenant, String location, Map<String, TemplateSpec> templates, ResourceLoader resources) {
        Resource resource = resources.getResource(location);
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return SequenceParser.parse(location, reader, templates::containsKey);
        } catch (SequenceFileException e) {
            throw new IllegalStateException("tenant " + tenant + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "tenant " + tenant + ": cannot read follow-up sequences from " + location + " (slotbridge.tenants."
                            + tenant + ".followup.sequences): " + e.getMessage(),
                    e);
        }
    }
}
