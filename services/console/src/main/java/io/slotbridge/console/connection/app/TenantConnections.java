package io.slotbridge.console.connection.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.console.common.domain.SecretMasker;
import io.slotbridge.console.connection.client.AdminApiClient;
import io.slotbridge.console.connection.client.ServiceAnswer;
import io.slotbridge.console.connection.domain.ConnectionHealth;
import io.slotbridge.console.tenant.Tenants;
import io.slotbridge.console.tenant.domain.ConfigProblem;
import io.slotbridge.console.tenant.domain.TenantSettings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Everything the Connections page shows for a tenant: health reports, each service's status and validation of the
 * tenant configuration (asked in parallel, so one slow service does not hold the others up), and the console's own
 * configuration check.
 */
@Component
public class TenantConnections implements DisposableBean {

    /** Services with {@code /admin/tenants/{tenant}/status} and {@code …/validation} (docs/engineering.md). */
    static final List<String> TENANT_SERVICES = List.of("crm-connector", "calendar-connector", "followup");

    private final AdminApiClient admin;
    private final ConnectionStatuses statuses;
    private final Tenants tenants;
    private final ExecutorService calls = Executors.newFixedThreadPool(6, runnable -> {
        Thread thread = new Thread(runnable, "console-admin-call");
        thread.setDaemon(true);
        return thread;
    });

    public TenantConnections(AdminApiClient admin, ConnectionStatuses statuses, Tenants tenants) {
        this.admin = admin;
        this.statuses = statuses;
        this.tenants = tenants;
    }

    public View view(String tenant) {
        List<CompletableFuture<ServiceView>> pending = TENANT_SERVICES.stream()
                .map(service -> CompletableFuture.supplyAsync(() -> serviceView(service, tenant), calls))
                .toList();
        List<ServiceView> services =
                pending.stream().map(CompletableFuture::join).toList();
        String crmKind = tenants.settings(tenant)
                .map(TenantSettings::crm)
                .map(TenantSettings.Crm::kind)
                .map(kind -> kind.toLowerCase(Locale.ROOT))
                .orElse(null);
        return new View(tenant, crmKind, statuses.forTenant(tenant), tenants.check(tenant), services);
    }

    private ServiceView serviceView(String service, String tenant) {
        ServiceAnswer status = admin.get(service, "/admin/tenants/{tenant}/status", tenant);
        ServiceAnswer validation = admin.get(service, "/admin/tenants/{tenant}/validation", tenant);
        return new ServiceView(service, status, flatten(status.body()), validation, problems(validation));
    }

    /** {@code {"problems":[{"key":…,"message":…}]}} as config problems; none for other answers. */
    static List<ConfigProblem> problems(ServiceAnswer validation) {
        if (!validation.ok() || validation.body() == null) {
            return List.of();
        }
        List<ConfigProblem> problems = new ArrayList<>();
        for (JsonNode problem : validation.body().path("problems")) {
            String severity = problem.path("severity").asText("error");
            String key = problem.path("key").asText("");
            String message = SecretMasker.mask(problem.path("message").asText(problem.toString()));
            problems.add(
                    "warning".equalsIgnoreCase(severity)
                            ? ConfigProblem.warning(key, message)
                            : ConfigProblem.error(key, message));
        }
        return problems;
    }

    /** A status answer as key/value lines (nested keys joined with dots), secrets masked. */
    static List<Map.Entry<String, String>> flatten(JsonNode body) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        if (body != null) {
            flatten("", body, lines);
        }
        return lines;
    }

    private static void flatten(String prefix, JsonNode node, List<Map.Entry<String, String>> lines) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), lines);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), lines);
            }
        } else {
            String value = node.isNull() ? "" : node.asText();
            lines.add(Map.entry(prefix, SecretMasker.maskNamed(prefix, value)));
        }
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    public record View(
            String tenant,
            String crmKind,
            List<ConnectionHealth> health,
            List<ConfigProblem> consoleProblems,
            List<ServiceView> services) {

        public long problemCount() {
            return consoleProblems.size()
                    + services.stream().mapToLong(s -> s.problems().size()).sum();
        }
    }

    public record ServiceView(
            String service,
            ServiceAnswer status,
            List<Map.Entry<String, String>> statusLines,
            ServiceAnswer validation,
            List<ConfigProblem> problems) {}
}
