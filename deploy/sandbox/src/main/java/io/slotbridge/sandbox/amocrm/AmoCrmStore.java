package io.slotbridge.sandbox.amocrm;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.stereotype.Component;

/** The emulated amoCRM accounts by subdomain. */
@Component
public class AmoCrmStore {

    private final Map<String, AmoAccount> accounts = new ConcurrentSkipListMap<>();
    private final Clock clock;

    public AmoCrmStore(Clock clock) {
        this.clock = clock;
    }

    /** The account, or amoCRM's 404 problem. */
    public AmoAccount account(String subdomain) {
        return find(subdomain).orElseThrow(() -> AmoErrors.notFound("Account " + subdomain + " not found"));
    }

    public Optional<AmoAccount> find(String subdomain) {
        return Optional.ofNullable(accounts.get(subdomain));
    }

    /** A new empty account (replacing one of the same subdomain). */
    public AmoAccount create(String subdomain, long accountId) {
        AmoAccount account = new AmoAccount(subdomain, accountId, clock);
        accounts.put(subdomain, account);
        return account;
    }

    public Collection<AmoAccount> all() {
        return List.copyOf(accounts.values());
    }

    public void clear() {
        accounts.clear();
    }
}
