package io.slotbridge.local.people;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A sales team member working in the sandbox's amoCRM account through its public API v4: creates leads, qualifies
 * them, books meetings, closes them lost, and reads cards back.
 *
 * <p>People sign in through the sandbox's OAuth consent (one integration per person): in real amoCRM a person's
 * clicks in the web UI do not eat the 7 requests/s of Slotbridge's integration, and here they must not either. A
 * change made that way is attributed to no user, so Slotbridge sees the lead's responsible user as the one who booked
 * — make the curator responsible for a lead the curator books.
 */
public final class AmoCrmPerson implements CrmPerson {

    private static final String REDIRECT_URI = "http://localhost/people/callback";

    private final String sandboxUrl;
    private final String account;
    private final String clientId;
    private final SandboxHttp http;
    private volatile String accessToken;
    private volatile AmoMetadata metadata;

    /** @param clientId the integration this person signs in through (each has its own rate limit) */
    public AmoCrmPerson(String sandboxUrl, String account, String clientId) {
        this.sandboxUrl = sandboxUrl;
        this.account = account;
        this.clientId = clientId;
        // below amoCRM's 7 requests/s, so the person never causes the account block
        this.http = new SandboxHttp(
                sandboxUrl + "/amocrm/" + account + "/api/v4", () -> accessToken, Duration.ofMillis(200), 12);
    }

    public static AmoCrmPerson demo(String sandboxUrl) {
        return new AmoCrmPerson(sandboxUrl, "demo", "people-" + UUID.randomUUID());
    }

    /** Creates the client as a contact with a phone and a lead for them in the first stage; returns the lead id. */
    @Override
    public long createLead(String leadName, String clientName, String phone, String responsible) {
        AmoMetadata meta = metadata();
        Map<String, Object> contact = Map.of(
                "name",
                clientName,
                "custom_fields_values",
                List.of(Map.of("field_code", "PHONE", "values", List.of(Map.of("value", phone, "enum_code", "MOB")))));
        long contactId = call("POST", "/contacts", List.of(contact))
                .path("_embedded")
                .path("contacts")
                .get(0)
                .path("id")
                .asLong();
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("name", leadName);
        lead.put("pipeline_id", meta.pipelineId());
        lead.put("status_id", meta.statusId("Первичный контакт"));
        lead.put("responsible_user_id", meta.userId(responsible));
        lead.put("_embedded", Map.of("contacts", List.of(Map.of("id", contactId))));
        return call("POST", "/leads", List.of(lead))
                .path("_embedded")
                .path("leads")
                .get(0)
                .path("id")
                .asLong();
    }

    @Override
    public void moveTo(long leadId, String stage) {
        update(
                leadId,
                Map.of(
                        "status_id",
                        metadata().statusId(stage),
                        "pipeline_id",
                        metadata().pipelineId()));
    }

    /** Stage {@code 5. Встреча назначена} with the meeting's time, expert, category and the client's goal. */
    @Override
    public void book(long leadId, Instant time, String expert, String category, String goal) {
        AmoMetadata meta = metadata();
        List<Object> fields = new ArrayList<>();
        fields.add(meta.fieldValue("Дата и время встречи", time.getEpochSecond()));
        fields.add(meta.fieldValue("Сотрудник, который будет проводить встречу", expert));
        if (category != null) {
            fields.add(meta.fieldValue("Категория", category));
        }
        if (goal != null) {
            fields.add(meta.fieldValue("Цель клиента", goal));
        }
        update(
                leadId,
                Map.of(
                        "status_id",
                        meta.statusId("5. Встреча назначена"),
                        "pipeline_id",
                        meta.pipelineId(),
                        "custom_fields_values",
                        fields));
    }

    @Override
    public void setMeetingTime(long leadId, Instant time) {
        update(
                leadId,
                Map.of(
                        "custom_fields_values",
                        List.of(metadata().fieldValue("Дата и время встречи", time.getEpochSecond()))));
    }

    /** Stage 143 with a loss reason (amoCRM wants the pipeline with it). */
    @Override
    public void closeLost(long leadId, String lossReason) {
        update(
                leadId,
                Map.of(
                        "status_id",
                        143,
                        "pipeline_id",
                        metadata().pipelineId(),
                        "loss_reason_id",
                        metadata().lossReasonId(lossReason)));
    }

    /** Ids of the leads now in the stage (the pipeline's list view, 250 a page). */
    public List<Long> leadIdsInStage(String stage) {
        AmoMetadata meta = metadata();
        List<Long> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            SandboxHttp.Answer answer = checked(
                    "GET",
                    "/leads?" + bracketed("filter[statuses][0][pipeline_id]") + "=" + meta.pipelineId() + "&"
                            + bracketed("filter[statuses][0][status_id]") + "=" + meta.statusId(stage)
                            + "&limit=250&page=" + page,
                    null);
            if (answer.status() == 204) {
                return ids;
            }
            if (!answer.ok()) {
                throw new IllegalStateException("amoCRM lead list answered " + answer.status() + ": " + answer.body());
            }
            JsonNode leads = answer.body().path("_embedded").path("leads");
            leads.forEach(lead -> ids.add(lead.path("id").asLong()));
            if (leads.size() < 250) {
                return ids;
            }
        }
    }

    /** The card as a person reads it, ids turned into names. */
    @Override
    public AmoLead read(long leadId) {
        SandboxHttp.Answer answer = checked("GET", "/leads/" + leadId + "?with=contacts", null);
        if (answer.status() == 204) {
            return null;
        }
        return AmoLead.of(answer.body(), metadata());
    }

    /** Note texts of the lead, oldest first. */
    @Override
    public List<String> notes(long leadId) {
        SandboxHttp.Answer answer = checked("GET", "/leads/" + leadId + "/notes?limit=250", null);
        List<String> texts = new ArrayList<>();
        for (JsonNode note : answer.body().path("_embedded").path("notes")) {
            texts.add(note.path("params").path("text").asText(""));
        }
        return texts;
    }

    /** Task texts of the lead (call tasks of the follow-up). */
    @Override
    public List<String> tasks(long leadId) {
        SandboxHttp.Answer answer = checked(
                "GET",
                "/tasks?" + bracketed("filter[entity_type]") + "=leads&" + bracketed("filter[entity_id][]") + "="
                        + leadId + "&limit=250",
                null);
        List<String> texts = new ArrayList<>();
        for (JsonNode task : answer.body().path("_embedded").path("tasks")) {
            texts.add(task.path("text").asText(""));
        }
        return texts;
    }

    public AmoMetadata metadata() {
        AmoMetadata known = metadata;
        if (known == null) {
            known = AmoMetadata.read(path -> call("GET", path, null));
            metadata = known;
        }
        return known;
    }

    private void update(long leadId, Map<String, Object> changes) {
        call("PATCH", "/leads/" + leadId, changes);
    }

    private JsonNode call(String method, String path, Object body) {
        SandboxHttp.Answer answer = checked(method, path, body);
        if (!answer.ok()) {
            throw new IllegalStateException(
                    "amoCRM " + method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** Signs in on first use, and again when the access token expired (e.g. after the shared clock moved on). */
    private SandboxHttp.Answer checked(String method, String path, Object body) {
        if (accessToken == null) {
            signIn();
        }
        SandboxHttp.Answer answer = http.send(method, path, body);
        if (answer.status() == 401) {
            signIn();
            answer = http.send(method, path, body);
        }
        return answer;
    }

    private synchronized void signIn() {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String consent = sandboxUrl + "/amocrm/" + account + "/oauth?client_id=" + encode(clientId) + "&redirect_uri="
                + encode(REDIRECT_URI) + "&state=people";
        try {
            HttpResponse<Void> redirect = client.send(
                    HttpRequest.newBuilder(URI.create(consent)).GET().build(), HttpResponse.BodyHandlers.discarding());
            String location = redirect.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException(
                            "amoCRM consent answered " + redirect.statusCode() + " without a redirect"));
            String code = queryParameter(location, "code");
            SandboxHttp tokens = new SandboxHttp(sandboxUrl + "/amocrm/" + account, null, Duration.ZERO, 6);
            JsonNode answer = tokens.expectOk(
                    "POST",
                    "/oauth2/access_token",
                    Map.of(
                            "client_id", clientId,
                            "client_secret", "people-secret",
                            "grant_type", "authorization_code",
                            "code", code,
                            "redirect_uri", REDIRECT_URI));
            accessToken = answer.path("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot sign in to amoCRM at " + consent + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String bracketed(String key) {
        return key.replace("[", "%5B").replace("]", "%5D");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String queryParameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + url);
    }
}
