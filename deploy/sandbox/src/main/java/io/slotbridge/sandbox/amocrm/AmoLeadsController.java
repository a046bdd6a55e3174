package io.slotbridge.sandbox.amocrm;

import static io.slotbridge.sandbox.amocrm.AmoRequests.actor;
import static io.slotbridge.sandbox.amocrm.AmoRequests.hal;
import static io.slotbridge.sandbox.amocrm.AmoRequests.ids;
import static io.slotbridge.sandbox.amocrm.AmoRequests.items;
import static io.slotbridge.sandbox.amocrm.AmoRequests.map;
import static io.slotbridge.sandbox.amocrm.AmoRequests.number;
import static io.slotbridge.sandbox.amocrm.AmoRequests.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.amocrm.AmoModel.Lead;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** amoCRM v4 leads: list with filters and paging, get, create, batch and single update. */
@RestController
@RequestMapping("/amocrm/{subdomain}/api/v4/leads")
public class AmoLeadsController {

    private final AmoCrmStore store;
    private final AmoWebhookSender webhooks;
    private final String baseUrl;

    public AmoLeadsController(AmoCrmStore store, AmoWebhookSender webhooks, SandboxProperties properties) {
        this.store = store;
        this.webhooks = webhooks;
        this.baseUrl = properties.baseUrl();
    }

    @GetMapping
    public ResponseEntity<Object> list(@PathVariable String subdomain, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        Map<String, Object> query = query(request);
        List<Lead> leads = new ArrayList<>(account.leads(filter(query)));
        leads.sort(order(map(query.get("order"))));
        AmoJson json = new AmoJson(baseUrl, account);
        Set<String> with = AmoRequests.with(query);
        return AmoRequests.listPage(query, request, "leads", "/leads", leads, l -> json.lead(l, with), json);
    }

    @GetMapping("/{id:\\d+}")
    public ResponseEntity<Object> get(
            @PathVariable String subdomain, @PathVariable long id, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        Lead lead = account.lead(id);
        if (lead == null) {
            return AmoRequests.noContent();
        }
        return hal(new AmoJson(baseUrl, account).lead(lead, AmoRequests.with(query(request))));
    }

    @PostMapping
    public ResponseEntity<Object> create(
            @PathVariable String subdomain, @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        AmoAccount.Written written = account.createLeads(items(body), actor(account, request));
        webhooks.publish(account, written.hooks());
        return hal(new AmoJson(baseUrl, account).written("leads", "/leads", written.ids(), true, Map.of()));
    }

    @PatchMapping
    public ResponseEntity<Object> updateBatch(
            @PathVariable String subdomain, @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        AmoAccount.Written written = account.updateLeads(items(body), actor(account, request));
        webhooks.publish(account, written.hooks());
        return hal(new AmoJson(baseUrl, account)
                .written("leads", "/leads", written.ids(), false, updatedAt(account, written)));
    }

    @PatchMapping("/{id:\\d+}")
    public ResponseEntity<Object> update(
            @PathVariable String subdomain,
            @PathVariable long id,
            @RequestBody(required = false) JsonNode body,
            HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        if (body == null || !body.isObject()) {
            throw AmoErrors.problem(400, "Bad Request", "Request body must be a JSON object");
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("id", id);
        AmoAccount.Written written = account.updateLeads(List.of(body), actor(account, request));
        webhooks.publish(account, written.hooks());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("updated_at", account.lead(id).updatedAt);
        answer.put("_links", AmoJson.links(new AmoJson(baseUrl, account).href("/leads/" + id)));
        return hal(answer);
    }

    private static Map<Long, Long> updatedAt(AmoAccount account, AmoAccount.Written written) {
        Map<Long, Long> updated = new LinkedHashMap<>();
        written.ids().forEach(id -> updated.put(id, account.lead(id).updatedAt));
        return updated;
    }

    /** {@code filter[id]}, {@code filter[updated_at|created_at][from|to]}, {@code filter[pipeline_id]}, {@code filter[statuses]}, {@code query}. */
    static Predicate<Lead> filter(Map<String, Object> query) {
        Map<String, Object> filter = map(query.get("filter"));
        Predicate<Lead> predicate = lead -> true;
        Set<Long> ids = ids(filter.get("id"));
        if (!ids.isEmpty()) {
            predicate = predicate.and(lead -> ids.contains(lead.id));
        }
        predicate = predicate.and(range(map(filter.get("updated_at")), lead -> lead.updatedAt));
        predicate = predicate.and(range(map(filter.get("created_at")), lead -> lead.createdAt));
        Set<Long> pipelines = ids(filter.get("pipeline_id"));
        if (!pipelines.isEmpty()) {
            predicate = predicate.and(lead -> pipelines.contains(lead.pipelineId));
        }
        Map<String, Object> statuses = map(filter.get("statuses"));
        if (!statuses.isEmpty()) {
            List<long[]> pairs = statuses.values().stream()
                    .map(AmoRequests::map)
                    .map(s -> new long[] {number(s.get("pipeline_id")), number(s.get("status_id"))})
                    .toList();
            predicate = predicate.and(
                    lead -> pairs.stream().anyMatch(p -> p[0] == lead.pipelineId && p[1] == lead.statusId));
        }
        if (query.get("query") instanceof String text && !text.isBlank()) {
            String needle = text.toLowerCase(Locale.ROOT);
            predicate = predicate.and(lead -> lead.name.toLowerCase(Locale.ROOT).contains(needle)
                    || String.valueOf(lead.id).equals(text));
        }
        return predicate;
    }

    private static Predicate<Lead> range(Map<String, Object> range, java.util.function.ToLongFunction<Lead> value) {
        Long from = number(range.get("from"));
        Long to = number(range.get("to"));
        return lead ->
                (from == null || value.applyAsLong(lead) >= from) && (to == null || value.applyAsLong(lead) <= to);
    }

    /** {@code order[updated_at|created_at|id]=asc|desc}; by id ascending otherwise. */
    static Comparator<Lead> order(Map<String, Object> order) {
        Comparator<Lead> comparator = Comparator.comparingLong(lead -> lead.id);
        for (Map.Entry<String, Object> entry : order.entrySet()) {
            Comparator<Lead> by =
                    switch (entry.getKey()) {
                        case "updated_at" ->
                            Comparator.<Lead>comparingLong(lead -> lead.updatedAt)
                                    .thenComparingLong(lead -> lead.id);
                        case "created_at" ->
                            Comparator.<Lead>comparingLong(lead -> lead.createdAt)
                                    .thenComparingLong(lead -> lead.id);
                        default -> comparator;
                    };
            return "desc".equalsIgnoreCase(String.valueOf(entry.getValue())) ? by.reversed() : by;
        }
        return comparator;
    }
}
