package io.slotbridge.calendarconnector.config;

import io.slotbridge.calendarconnector.google.GoogleGrantRepository;
import io.slotbridge.calendarconnector.slot.domain.CardUrlPattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks a tenant's calendar configuration and says, key by key, what an administrator must fix. */
public class TenantValidation {

    private static final Set<String> SEND_UPDATES = Set.of("all", "externalOnly", "none");
    private static final Set<String> AUTH_MODES = Set.of("service-account", "oauth", "static-token");

    private final TenantDirectory tenants;
    private final GoogleGrantRepository grants;

    public TenantValidation(TenantDirectory tenants, GoogleGrantRepository grants) {
        this.tenants = tenants;
        this.grants = grants;
    }

    public List<Problem> problems(String tenant) {
        TenantSettings settings = tenants.get(tenant);
        List<Problem> problems = new ArrayList<>();
        if (!settings.hasGoogleCalendar()) {
            problems.add(new Problem("calendar.provider", "the tenant's calendar is not a Google calendar"));
            return problems;
        }
        TenantSettings.Calendar calendar = settings.calendar();
        if (blank(calendar.calendarId())) {
            problems.add(
                    new Problem("calendar.calendar-id", "required: the Google calendar id (Settings → Integrate)"));
        }
        if (blank(calendar.pushSecret())) {
            problems.add(
                    new Problem("calendar.push-secret", "required: the gateway verifies push notifications with it"));
        }
        if (!SEND_UPDATES.contains(calendar.sendUpdatesOrDefault())) {
            problems.add(new Problem("calendar.send-updates", "must be all, externalOnly or none"));
        }
        if (blank(tenants.publicBaseUrl())) {
            problems.add(
                    new Problem("public-base-url", "required: Google sends push notifications to the gateway there"));
        }
        checkAuth(tenant, calendar, problems);
        String template = settings.crm() == null ? null : settings.crm().cardUrlTemplate();
        if (blank(template)) {
            problems.add(new Problem(
                    "crm.card-url-template", "not set: slots created by hand cannot be linked to their lead"));
        } else {
            try {
                CardUrlPattern.of(template);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("crm.card-url-template", e.getMessage()));
            }
        }
        return problems;
    }

    private void checkAuth(String tenant, TenantSettings.Calendar calendar, List<Problem> problems) {
        String mode = calendar.authMode();
        TenantSettings.Auth auth = calendar.auth();
        if (!AUTH_MODES.contains(mode)) {
            problems.add(new Problem("calendar.auth.mode", "must be service-account, oauth or static-token"));
            return;
        }
        if (mode.equals("service-account")) {
            String keyFile = auth == null ? null : auth.serviceAccountKeyFile();
            if (blank(keyFile)) {
                problems.add(new Problem("calendar.auth.service-account-key-file", "required in service-account mode"));
            } else if (!Files.isReadable(Path.of(keyFile))) {
                problems.add(new Problem("calendar.auth.service-account-key-file", "cannot read " + keyFile));
            }
        } else if (mode.equals("oauth")) {
            if (auth == null || blank(auth.clientId()) || blank(auth.clientSecret()) || blank(auth.redirectUri())) {
                problems.add(
                        new Problem("calendar.auth", "oauth mode needs client-id, client-secret and redirect-uri"));
            } else if (grants.grantedAt(tenant).isEmpty()) {
                problems.add(new Problem("calendar.auth", "not connected yet: open the connect link from the console"));
            }
        } else if (auth == null || blank(auth.staticToken())) {
            problems.add(new Problem("calendar.auth.static-token", "required in static-token mode"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public record Problem(String key, String message) {}
}
