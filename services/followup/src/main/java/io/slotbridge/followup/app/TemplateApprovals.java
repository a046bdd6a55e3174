package io.slotbridge.followup.app;

import io.slotbridge.followup.client.WazzupAccount;
import io.slotbridge.followup.client.WazzupClient;
import io.slotbridge.followup.client.WazzupException;
import io.slotbridge.followup.client.WazzupTemplate;
import io.slotbridge.followup.config.FollowupProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which WABA templates Meta approved, per tenant, cached for a few minutes ({@code GET /v3/templates/whatsapp}).
 * When the list cannot be read the answer is "unknown" and the send goes ahead: Wazzup itself refuses an unapproved
 * template with TEMPLATE_REJECTED, which skips the step with a note.
 */
@Component
public class TemplateApprovals {

    private static final Logger log = LoggerFactory.getLogger(TemplateApprovals.class);

    private final WazzupClient wazzup;
    private final Clock clock;
    private final FollowupProperties properties;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public TemplateApprovals(WazzupClient wazzup, Clock clock, FollowupProperties properties) {
        this.wazzup = wazzup;
        this.clock = clock;
        this.properties = properties;
    }

    /** The template as Wazzup lists it; empty when it is not listed or the list is unavailable ({@code known}). */
    public Lookup lookup(WazzupAccount account, String templateGuid) {
        Optional<List<WazzupTemplate>> templates = templates(account);
        if (templates.isEmpty()) {
            return new Lookup(false, Optional.empty());
        }
        return new Lookup(
                true,
                templates.get().stream()
                        .filter(t -> templateGuid.equals(t.templateGuid()))
                        .findFirst());
    }

    public Optional<List<WazzupTemplate>> templates(WazzupAccount account) {
        Instant now = clock.instant();
        Cached cached = cache.get(account.tenant());
        if (cached != null
                && now.isBefore(cached.fetchedAt().plus(properties.wazzup().templateCacheTtl()))) {
            return Optional.of(cached.templates());
        }
        try {
            List<WazzupTemplate> templates = wazzup.templates(account);
            cache.put(account.tenant(), new Cached(templates, now));
            return Optional.of(templates);
        } catch (WazzupException e) {
            log.warn(
                    "WABA templates of tenant {} unavailable ({}); approval cannot be checked before sending",
                    account.tenant(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** @param known whether the template list could be read at all */
    public record Lookup(boolean known, Optional<WazzupTemplate> template) {}

    private record Cached(List<WazzupTemplate> templates, Instant fetchedAt) {}
}
