package io.slotbridge.calendarconnector.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.calendarconnector.slot.domain.CalendarEntry;
import io.slotbridge.calendarconnector.slot.domain.LeadLink;
import io.slotbridge.calendarconnector.slot.domain.SlotFingerprint;
import io.slotbridge.calendarconnector.slot.domain.SlotSnapshots;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.platform.kafka.EnvelopePublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes {@code slot.snapshot} records for events that belong to a lead and changed since the last snapshot of
 * that event, waits until Kafka acknowledged them, and only then records what was published.
 */
public class SlotSnapshotPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final SlotStateRepository slotStates;
    private final LeadLinks leadLinks;
    private final EnvelopePublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;

    public SlotSnapshotPublisher(
            SlotStateRepository slotStates,
            LeadLinks leadLinks,
            EnvelopePublisher publisher,
            Clock clock,
            MeterRegistry meters) {
        this.slotStates = slotStates;
        this.leadLinks = leadLinks;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @param force publish even when nothing we carry changed (after a 412 the decider must see the current etag)
     */
    public Counts publishChanged(
            String tenant, String calendarId, List<CalendarEntry> entries, String causationId, boolean force) {
        Map<String, SlotState> known = slotStates.find(
                tenant, calendarId, entries.stream().map(CalendarEntry::id).toList());
        Instant now = clock.instant();
        List<Pending> pending = new ArrayList<>();
        int skipped = 0;
        int unchanged = 0;
        for (CalendarEntry entry : entries) {
            SlotState state = known.get(entry.id());
            Optional<LeadLink> link = leadLinks.forTenant(tenant).resolve(entry, state == null ? null : state.link());
            if (link.isEmpty()) {
                skipped++;
                continue;
            }
            String fingerprint = SlotFingerprint.of(entry, link.get());
            if (!force && state != null && fingerprint.equals(state.fingerprint())) {
                unchanged++;
                if (entry.etag() != null && !entry.etag().equals(state.etag())) {
                    slotStates.recordSeen(tenant, calendarId, entry.id(), entry.etag());
                }
                continue;
            }
            SlotSnapshotted snapshot = SlotSnapshots.of(
                    tenant,
                    calendarId,
                    entry,
                    link.get(),
                    state == null ? null : state.ownWrite(),
                    fingerprint,
                    now,
                    causationId);
            pending.add(new Pending(entry, link.get(), fingerprint, snapshot));
        }
        awaitAcks(pending.stream()
                .map(p -> publisher.publish(Topics.CALENDAR_SLOT_EVENTS, p.snapshot()))
                .toList());
        for (Pending p : pending) {
            slotStates.recordPublished(
                    tenant,
                    calendarId,
                    p.entry().id(),
                    p.link(),
                    p.fingerprint(),
                    p.entry().etag());
        }
        count(tenant, "published", pending.size());
        count(tenant, "unchanged", unchanged);
        count(tenant, "no-lead-link", skipped);
        return new Counts(pending.size(), unchanged, skipped);
    }

    private static void awaitAcks(List<? extends CompletableFuture<?>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka to acknowledge slot snapshots", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge slot snapshots: " + e.getMessage(), e);
        }
    }

    private void count(String tenant, String outcome, int amount) {
        if (amount > 0) {
            meters.counter("slotbridge.calendar.snapshots", "tenant", tenant, "outcome", outcome)
                    .increment(amount);
        }
    }

    /** Snapshots published, events unchanged since their last snapshot, events skipped for lack of a lead link. */
    public record Counts(int published, int unchanged, int skippedWithoutLead) {

        public Counts plus(Counts other) {
            return new Counts(
                    published + other.published,
                    unchanged + other.unchanged,
                    skippedWithoutLead + other.skippedWithoutLead);
        }
    }

    private record Pending(CalendarEntry entry, LeadLink link, String fingerprint, SlotSnapshotted snapshot) {}
}
