package io.slotbridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an administrator does after installing Slotbridge, through the services' admin APIs (docs/engineering.md):
 * install the CRM webhooks, open the Google watch channels, subscribe the Wazzup webhooks — for every tenant. A step
 * that fails is reported, not fatal: the system runs, and the console shows the connection as not ready.
 */
final class Provisioning {

    private static final Logger log = LoggerFactory.getLogger(Provisioning.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What happened to one set-up step of one tenant. */
    public record Step(String tenant, Task task, Outcome outcome, String detail) {

        @Override
        public String toString() {
            return tenant + " " + task.label + ": " + outcome.name().toLowerCase()
                    + (detail == null ? "" : " (" + detail + ")");
        }
    }

    public enum Task {
        CRM_WEBHOOKS("CRM webhooks"),
        GOOGLE_WATCH("Google watch channel"),
        WAZZUP_WEBHOOKS("Wazzup webhooks");

        private final String label;

        Task(String label) {
            this.label = label;
        }
    }

    public enum Outcome {
        DONE,
        SKIPPED,
        FAILED
    }

    private final Wiring wiring;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    Provisioning(Wiring wiring) {
        this.wiring = wiring;
    }

    List<Step> provision(Collection<TenantOverview> tenants) {
        List<Step> steps = new ArrayList<>();
        for (TenantOverview tenant : tenants) {
            if (tenant.crmKind() != null) {
                steps.add(crmWebhooks(tenant));
            }
            if (tenant.calendarId() != null) {
                steps.add(call(
                        tenant.id(),
                        Task.GOOGLE_WATCH,
                        Service.CALENDAR_CONNECTOR,
                        "/admin/tenants/" + encode(tenant.id()) + "/watch"));
            }
            if (tenant.wazzup()) {
                steps.add(call(
                        tenant.id(),
                        Task.WAZZUP_WEBHOOKS,
                        Service.FOLLOWUP,
                        "/admin/tenants/" + encode(tenant.id()) + "/wazzup/webhooks"));
            }
        }
        steps.forEach(step -> {
            switch (step.outcome()) {
                case DONE -> log.info("provisioned: {}", step);
                case SKIPPED -> log.info("provisioning skipped: {}", step);
                case FAILED -> log.warn("provisioning failed: {}", step);
            }
        });
        return steps;
    }

    /** amoCRM webhooks, or Bitrix24 {@code event.bind}: the crm-connector's one endpoint for both. */
    private Step crmWebhooks(TenantOverview tenant) {
        Step step = call(
                tenant.id(),
                Task.CRM_WEBHOOKS,
                Service.CRM_CONNECTOR,
                "/admin/tenants/" + encode(tenant.id()) + "/webhooks");
        if (step.outcome() == Outcome.FAILED && step.detail().startsWith("404")) {
            return new Step(
                    tenant.id(),
                    Task.CRM_WEBHOOKS,
                    Outcome.SKIPPED,
                    "this build's crm-connector has no " + tenant.crmKind() + " adapter yet");
        }
        return step;
    }

    private Step call(String tenant, Task task, Service service, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(wiring.url(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + wiring.secrets().adminToken())
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return new Step(tenant, task, Outcome.DONE, null);
            }
            return new Step(tenant, task, Outcome.FAILED, response.statusCode() + " " + problem(response.body()));
        } catch (IOException e) {
            return new Step(tenant, task, Outcome.FAILED, service + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Step(tenant, task, Outcome.FAILED, "interrupted");
        }
    }

    /** The problem+json detail (or title) of an error answer. */
    static String problem(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json.hasNonNull("detail")) {
                return json.get("detail").asText();
            }
            if (json.hasNonNull("title")) {
                return json.get("title").asText();
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
