package io.slotbridge.sandbox.bitrix24;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.stereotype.Component;

/** The emulated Bitrix24 portals by name. */
@Component
public class BitrixStore {

    private final Map<String, BitrixPortal> portals = new ConcurrentSkipListMap<>();
    private final Clock clock;

    public BitrixStore(Clock clock) {
        this.clock = clock;
    }

    /** The portal, or Bitrix24's answer for an unknown one. */
    public BitrixPortal portal(String name) {
        return find(name).orElseThrow(() -> BitrixErrors.error(404, "PORTAL_DELETED", "Portal was deleted"));
    }

    public Optional<BitrixPortal> find(String name) {
        return Optional.ofNullable(portals.get(name));
    }

    public BitrixPortal create(String name, String memberId, String applicationToken) {
        BitrixPortal portal = new BitrixPortal(name, memberId, applicationToken, clock);
        portals.put(name, portal);
        return portal;
    }

    public Collection<BitrixPortal> all() {
        return List.copyOf(portals.values());
    }

    public void clear() {
        portals.clear();
    }
}
