package io.slotbridge.console.connection.app;

import io.slotbridge.console.audit.AuditLog;
import io.slotbridge.console.config.ConsoleProperties;
import io.slotbridge.console.connection.client.AdminApiClient;
import io.slotbridge.console.connection.client.ServiceAnswer;
import io.slotbridge.platform.admin.AdminAccess;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Operator actions on a tenant's connections; each one goes through a service's admin API and is audited. */
@Component
public class ConnectionActions {

    /** Which service runs the OAuth connect flow of each account kind. */
    static final Map<String, String> CONNECT_SERVICES =
            Map.of("amocrm", "crm-connector", "bitrix24", "crm-connector", "google", "calendar-connector");

    private static final Duration TICKET_TTL = Duration.ofMinutes(10);

    private final AdminApiClient admin;
    private final ObjectProvider<AdminAccess> access;
    private final ConsoleProperties properties;
    private final AuditLog audit;

    public ConnectionActions(
            AdminApiClient admin, ObjectProvider<AdminAccess> access, ConsoleProperties properties, AuditLog audit) {
        this.admin = admin;
        this.access = access;
        this.properties = properties;
        this.audit = audit;
    }

    /**
     * The connector's connect URL with a short-lived signed ticket, so the browser can start the OAuth flow without
     * the admin token. Empty with a reason when the kind is unknown or the console cannot sign tickets.
     */
    public Result<URI> connectLink(String tenant, String kind, String actor) {
        String service = CONNECT_SERVICES.get(kind);
        if (service == null) {
            return Result.failed("unknown account kind '" + kind + "'");
        }
        Optional<URI> base = properties.connectBase(service);
        if (base.isEmpty()) {
            return Result.failed("no URL configured for " + service);
        }
        String ticket;
        try {
            ticket = access.getObject().issueTicket("connect-" + kind, tenant, TICKET_TTL);
        } catch (RuntimeException e) {
            return Result.failed("the console cannot sign connect links: " + e.getMessage());
        }
        URI link = UriComponentsBuilder.fromUri(base.get())
                .path("/connect/{kind}/{tenant}")
                .queryParam("ticket", ticket)
                .buildAndExpand(kind, tenant)
                .encode()
                .toUri();
        audit.record(actor, "connection.connect", tenant, kind, "sent to " + service + " to connect " + kind);
        return Result.done(link, "connecting " + kind);
    }

    public Result<Void> installWebhooks(String tenant, String actor) {
        return act(
                tenant,
                actor,
                "connection.install-webhooks",
                "CRM webhooks installed",
                admin.post("crm-connector", "/admin/tenants/{tenant}/webhooks", tenant));
    }

    public Result<Void> verifyWebhooks(String tenant, String actor) {
        return act(
                tenant,
                actor,
                "connection.verify-webhooks",
                "CRM webhooks",
                admin.get("crm-connector", "/admin/tenants/{tenant}/webhooks", tenant));
    }

    public Result<Void> openWatchChannel(String tenant, String actor) {
        return act(
                tenant,
                actor,
                "connection.open-watch",
                "Google watch channel opened or renewed",
                admin.post("calendar-connector", "/admin/tenants/{tenant}/watch", tenant));
    }

    public Result<Void> subscribeWazzup(String tenant, String actor) {
        return act(
                tenant,
                actor,
                "connection.subscribe-wazzup",
                "Wazzup webhooks subscribed",
                admin.post("followup", "/admin/tenants/{tenant}/wazzup/webhooks", tenant));
    }

    private Result<Void> act(String tenant, String actor, String action, String success, ServiceAnswer answer) {
        String summary = answer.ok()
                ? success + summary(answer)
                : action.substring(action.indexOf('.') + 1).replace('-', ' ') + " failed: " + answer.message();
        audit.record(actor, action, tenant, answer.service(), summary);
        return answer.ok() ? Result.done(null, summary) : Result.failed(summary);
    }

    private static String summary(ServiceAnswer answer) {
        var lines = TenantConnections.flatten(answer.body());
        if (lines.isEmpty()) {
            return "";
        }
        return ": "
                + lines.stream()
                        .limit(12)
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")) + (lines.size() > 12 ? ", …" : "");
    }

    public record Result<T>(boolean ok, T value, String message) {
        static <T> Result<T> done(T value, String message) {
            return new Result<>(true, value, message);
        }

        static <T> Result<T> failed(String message) {
            return new Result<>(false, null, message);
        }
    }
}
