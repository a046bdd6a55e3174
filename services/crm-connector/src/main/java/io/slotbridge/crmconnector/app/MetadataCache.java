package io.slotbridge.crmconnector.app;

import io.slotbridge.crmconnector.config.CrmConnectorProperties;
import io.slotbridge.crmconnector.domain.CrmMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pipelines, fields, users and loss reasons per tenant, cached for {@code metadata-ttl}; a name or id we do not know
 * refreshes them, at most once per {@code metadata-min-refresh-interval} so a typo cannot burn the API budget.
 */
@Component
public class MetadataCache {

    private static final Logger log = LoggerFactory.getLogger(MetadataCache.class);

    private final CrmAccounts accounts;
    private final CrmConnectorProperties properties;
    private final Clock clock;
    private final Map<String, CrmMetadata> cache = new ConcurrentHashMap<>();

    public MetadataCache(CrmAccounts accounts, CrmConnectorProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    public CrmMetadata get(String tenant) {
        CrmMetadata cached = cache.get(tenant);
        if (cached != null && cached.loadedAt().plus(properties.metadataTtl()).isAfter(clock.instant())) {
            return cached;
        }
        return load(tenant);
    }

    /** Reloads after a miss unless the cached copy is younger than the minimum refresh interval; returns it. */
    public CrmMetadata refreshOnMiss(String tenant) {
        CrmMetadata cached = cache.get(tenant);
        Instant now = clock.instant();
        if (cached != null
                && cached.loadedAt()
                        .plus(properties.metadataMinRefreshInterval())
                        .isAfter(now)) {
            return cached;
        }
        return load(tenant);
    }

    /** True when the cached copy was loaded so recently that another refresh would not be allowed. */
    public boolean isFresh(String tenant) {
        CrmMetadata cached = cache.get(tenant);
        return cached != null
                && cached.loadedAt()
                        .plus(properties.metadataMinRefreshInterval())
                        .isAfter(clock.instant());
    }

    private synchronized CrmMetadata load(String tenant) {
        CrmMetadata metadata = accounts.get(tenant).api().readMetadata();
        log.info(
                "tenant {}: CRM metadata loaded ({} pipelines, {} lead fields, {} users, {} loss reasons)",
                tenant,
                metadata.pipelines().size(),
                metadata.fields().size(),
                metadata.users().size(),
                metadata.lossReasons().size());
        cache.put(tenant, metadata);
        return metadata;
    }
}
