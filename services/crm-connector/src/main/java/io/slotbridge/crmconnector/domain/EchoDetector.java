package io.slotbridge.crmconnector.domain;

import io.slotbridge.contracts.crm.LeadSnapshotted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a fresh snapshot shows nothing but our own writes. Our writes since the last published snapshot are
 * replayed in order (a later command overrides an earlier one on the same attribute). The snapshot is an echo when
 * every attribute that changed since the last publication changed to exactly the value we wrote, i.e. nobody else
 * changed anything meanwhile.
 */
public final class EchoDetector {

    private EchoDetector() {}

    /**
     * One write of ours.
     *
     * @param expected attribute key ({@link LeadSnapshots}) → the value it should show; null value = emptied
     */
    public record OurWrite(String commandId, Map<String, String> expected) {}

    /**
     * @param echoOf our commands this snapshot is an echo of (empty when someone else changed the lead too)
     * @param settled our writes the snapshot shows (or that a later write of ours overrode): no later snapshot will be
     *     attributed to them
     */
    public record Verdict(List<String> echoOf, List<String> settled) {
        public boolean isEcho() {
            return !echoOf.isEmpty();
        }
    }

    public static Verdict judge(LeadSnapshotted previous, LeadSnapshotted current, List<OurWrite> writes) {
        if (writes.isEmpty()) {
            return new Verdict(List.of(), List.of());
        }
        Map<String, String> now = LeadSnapshots.attributes(current);
        Map<String, String> effective = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        for (OurWrite write : writes) {
            write.expected().forEach((key, value) -> {
                effective.put(key, LeadSnapshots.comparable(key, value, current));
                owner.put(key, write.commandId());
            });
        }
        Set<String> visibleKeys = new LinkedHashSet<>();
        effective.forEach((key, value) -> {
            if (Objects.equals(now.get(key), value)) {
                visibleKeys.add(key);
            }
        });
        List<String> settled = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (OurWrite write : writes) {
            boolean allShownOrOverridden = write.expected().keySet().stream()
                    .allMatch(key -> !owner.get(key).equals(write.commandId()) || visibleKeys.contains(key));
            boolean ownsSomething = owner.containsValue(write.commandId());
            if (allShownOrOverridden) {
                settled.add(write.commandId());
                if (ownsSomething) {
                    shown.add(write.commandId());
                }
            }
        }
        if (previous == null || shown.isEmpty()) {
            return new Verdict(List.of(), settled);
        }
        Set<String> changed = LeadSnapshots.changedKeys(previous, current);
        boolean onlyOurs = !changed.isEmpty() && visibleKeys.containsAll(changed);
        return new Verdict(onlyOurs ? shown : List.of(), settled);
    }
}
