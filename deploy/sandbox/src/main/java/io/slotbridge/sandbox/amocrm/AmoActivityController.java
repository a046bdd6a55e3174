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
import io.slotbridge.sandbox.amocrm.AmoModel.Contact;
import io.slotbridge.sandbox.amocrm.AmoModel.Note;
import io.slotbridge.sandbox.amocrm.AmoModel.Task;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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

/** amoCRM v4 contacts, lead notes and tasks. */
@RestController
@RequestMapping("/amocrm/{subdomain}/api/v4")
public class AmoActivityController {

    private final AmoCrmStore store;
    private final AmoWebhookSender webhooks;
    private final String baseUrl;

    public AmoActivityController(AmoCrmStore store, AmoWebhookSender webhooks, SandboxProperties properties) {
        this.store = store;
        this.webhooks = webhooks;
        this.baseUrl = properties.baseUrl();
    }

    // ---- contacts ----

    @GetMapping("/contacts")
    public ResponseEntity<Object> contacts(@PathVariable String subdomain, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        Map<String, Object> query = query(request);
        Set<Long> ids = ids(map(query.get("filter")).get("id"));
        List<Contact> all = account.contacts(c -> ids.isEmpty() || ids.contains(c.id));
        AmoJson json = new AmoJson(baseUrl, account);
        Set<String> with = AmoRequests.with(query);
        return AmoRequests.listPage(query, request, "contacts", "/contacts", all, c -> json.contact(c, with), json);
    }

    @GetMapping("/contacts/{id:\\d+}")
    public ResponseEntity<Object> contact(
            @PathVariable String subdomain, @PathVariable long id, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        Contact contact = account.contact(id);
        if (contact == null) {
            return AmoRequests.noContent();
        }
        return hal(new AmoJson(baseUrl, account).contact(contact, AmoRequests.with(query(request))));
    }

    @PostMapping("/contacts")
    public ResponseEntity<Object> createContacts(
            @PathVariable String subdomain, @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        AmoAccount.Written written = account.createContacts(items(body), actor(account, request));
        return hal(new AmoJson(baseUrl, account).written("contacts", "/contacts", written.ids(), true, Map.of()));
    }

    // ---- notes ----

    @PostMapping("/leads/notes")
    public ResponseEntity<Object> addNotes(
            @PathVariable String subdomain, @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        return notesWritten(subdomain, body, null, request);
    }

    @PostMapping("/leads/{leadId:\\d+}/notes")
    public ResponseEntity<Object> addLeadNotes(
            @PathVariable String subdomain,
            @PathVariable long leadId,
            @RequestBody(required = false) JsonNode body,
            HttpServletRequest request) {
        return notesWritten(subdomain, body, leadId, request);
    }

    private ResponseEntity<Object> notesWritten(
            String subdomain, JsonNode body, Long leadId, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        AmoAccount.Written written = account.addNotes(items(body), leadId, actor(account, request));
        webhooks.publish(account, written.hooks());
        String path = leadId == null ? "/leads/notes" : "/leads/" + leadId + "/notes";
        Map<String, Object> answer =
                new AmoJson(baseUrl, account).written("notes", path, written.ids(), true, Map.of());
        return hal(answer);
    }

    @GetMapping("/leads/notes")
    public ResponseEntity<Object> notes(@PathVariable String subdomain, HttpServletRequest request) {
        Map<String, Object> query = query(request);
        Set<Long> leads = ids(map(query.get("filter")).get("entity_id"));
        return notes(subdomain, query, request, n -> leads.isEmpty() || leads.contains(n.entityId()));
    }

    @GetMapping("/leads/{leadId:\\d+}/notes")
    public ResponseEntity<Object> leadNotes(
            @PathVariable String subdomain, @PathVariable long leadId, HttpServletRequest request) {
        return notes(subdomain, query(request), request, n -> n.entityId() == leadId);
    }

    private ResponseEntity<Object> notes(
            String subdomain, Map<String, Object> query, HttpServletRequest request, Predicate<Note> filter) {
        AmoAccount account = store.account(subdomain);
        Set<String> types = noteTypes(map(query.get("filter")).get("note_type"));
        List<Note> notes = account.notes(filter.and(n -> types.isEmpty() || types.contains(n.noteType())));
        AmoJson json = new AmoJson(baseUrl, account);
        return AmoRequests.listPage(query, request, "notes", "/leads/notes", notes, json::note, json);
    }

    private static Set<String> noteTypes(Object value) {
        if (value instanceof String text) {
            return Set.of(text);
        }
        return map(value).values().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
    }

    // ---- tasks ----

    @PostMapping("/tasks")
    public ResponseEntity<Object> addTasks(
            @PathVariable String subdomain, @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        AmoAccount.Written written = account.addTasks(items(body), actor(account, request));
        return hal(new AmoJson(baseUrl, account).written("tasks", "/tasks", written.ids(), true, Map.of()));
    }

    @PatchMapping("/tasks")
    public ResponseEntity<Object> updateTasks(
            @PathVariable String subdomain, @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        AmoAccount.Written written = account.updateTasks(items(body), actor(account, request));
        return hal(new AmoJson(baseUrl, account).written("tasks", "/tasks", written.ids(), false, Map.of()));
    }

    @GetMapping("/tasks")
    public ResponseEntity<Object> tasks(@PathVariable String subdomain, HttpServletRequest request) {
        AmoAccount account = store.account(subdomain);
        Map<String, Object> query = query(request);
        Map<String, Object> filter = map(query.get("filter"));
        Set<Long> entityIds = ids(filter.get("entity_id"));
        Set<Long> taskTypes = ids(filter.get("task_type"));
        Set<Long> responsible = ids(filter.get("responsible_user_id"));
        Object entityType = filter.get("entity_type");
        Long completed = number(filter.get("is_completed"));
        List<Task> tasks = account.tasks(t -> (entityIds.isEmpty() || entityIds.contains(t.entityId))
                && (taskTypes.isEmpty() || taskTypes.contains(t.taskTypeId))
                && (responsible.isEmpty() || responsible.contains(t.responsibleUserId))
                && (entityType == null || entityType.equals(t.entityType))
                && (completed == null || (completed == 1) == t.completed));
        AmoJson json = new AmoJson(baseUrl, account);
        return AmoRequests.listPage(query, request, "tasks", "/tasks", tasks, json::task, json);
    }

    @GetMapping("/tasks/{id:\\d+}")
    public ResponseEntity<Object> task(@PathVariable String subdomain, @PathVariable long id) {
        AmoAccount account = store.account(subdomain);
        Task task = account.task(id);
        return task == null ? AmoRequests.noContent() : hal(new AmoJson(baseUrl, account).task(task));
    }
}
