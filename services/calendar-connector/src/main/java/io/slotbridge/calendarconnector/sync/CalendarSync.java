package io.slotbridge.calendarconnector.sync;

import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import io.slotbridge.calendarconnector.config.CalendarConnectorProperties;
import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.config.TenantSettings;
import io.slotbridge.calendarconnector.google.EventMapper;
import io.slotbridge.calendarconnector.google.GoogleCalendarClient;
import io.slotbridge.calendarconnector.google.GoogleFailure;
import io.slotbridge.calendarconnector.slot.CalendarLocks;
import io.slotbridge.calendarconnector.slot.domain.CalendarEntry;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental sync of one tenant's calendar: {@code events.list} from the stored sync token, page by page, publishing
 * a snapshot for each changed event of a lead. The new sync token is stored only after every page's snapshots were
 * acknowledged, so a crash means reading the same changes again, never losing one. A 410 (token expired) restarts as
 * a full sync; the per-event fingerprints keep unchanged events from being published a second time.
 */
public class CalendarSync {

    private static final Logger log = LoggerFactory.getLogger(CalendarSync.class);

    private final TenantDirectory tenants;
    private final GoogleCalendarClient google;
    private final SyncStateRepository syncStates;
    private final SlotSnapshotPublisher snapshots;
    private final CalendarLocks locks;
    private final CalendarConnectorProperties.Sync settings;
    private final Clock clock;
    private final Consumer<String> calendarNotFound;

    /** @param calendarNotFound told the tenant whose calendar Google answered 404 for (deleted or unshared) */
    public CalendarSync(
            TenantDirectory tenants,
            GoogleCalendarClient google,
            SyncStateRepository syncStates,
            SlotSnapshotPublisher snapshots,
            CalendarLocks locks,
            CalendarConnectorProperties.Sync settings,
            Clock clock,
            Consumer<String> calendarNotFound) {
        this.tenants = tenants;
        this.google = google;
        this.syncStates = syncStates;
        this.snapshots = snapshots;
        this.locks = locks;
        this.settings = settings;
        this.clock = clock;
        this.calendarNotFound = calendarNotFound;
    }

    /** @param causationId what triggered the run (a notification id, {@code sweep}), carried by the snapshots */
    public SlotSnapshotPublisher.Counts run(String tenant, String causationId) {
        TenantSettings settingsOfTenant = tenants.get(tenant);
        String calendarId = settingsOfTenant.calendar().calendarId();
        return locks.withLock(tenant, calendarId, () -> {
            try {
                return runLocked(tenant, calendarId, settingsOfTenant, causationId);
            } catch (GoogleFailure e) {
                syncStates.recordError(tenant, calendarId, e.getMessage());
                if (e.kind() == GoogleFailure.Kind.NOT_FOUND) {
                    log.error(
                            "Google does not find calendar {} of tenant {} (deleted, or no longer shared with us): {}",
                            calendarId,
                            tenant,
                            e.getMessage());
                    calendarNotFound.accept(tenant);
                }
                throw e;
            }
        });
    }

    private SlotSnapshotPublisher.Counts runLocked(
            String tenant, String calendarId, TenantSettings tenantSettings, String causationId) {
        String syncToken = syncStates.token(tenant, calendarId).orElse(null);
        boolean full = syncToken == null;
        String pageToken = null;
        SlotSnapshotPublisher.Counts counts = new SlotSnapshotPublisher.Counts(0, 0, 0);
        int pages = 0;
        while (true) {
            Events page;
            try {
                page = google.listEvents(tenant, calendarId, syncToken, pageToken, settings.pageSize());
            } catch (GoogleFailure e) {
                if (e.kind() != GoogleFailure.Kind.GONE || syncToken == null) {
                    throw e;
                }
                log.warn(
                        "sync token of tenant {} calendar {} expired (410 {}): running a full sync",
                        tenant,
                        calendarId,
                        e.reason());
                syncStates.forgetToken(tenant, calendarId);
                syncToken = null;
                full = true;
                pageToken = null;
                continue;
            }
            pages++;
            List<Event> items = page.getItems() == null ? List.of() : page.getItems();
            List<CalendarEntry> entries = items.stream()
                    .map(event -> EventMapper.toEntry(event, tenantSettings.timeZone()))
                    .toList();
            counts = counts.plus(snapshots.publishChanged(tenant, calendarId, entries, causationId, false));
            if (page.getNextPageToken() != null) {
                pageToken = page.getNextPageToken();
                continue;
            }
            if (page.getNextSyncToken() == null) {
                throw new IllegalStateException(
                        "Google's last events page for " + calendarId + " has no nextSyncToken");
            }
            syncStates.storeToken(tenant, calendarId, page.getNextSyncToken(), full, clock.instant());
            log.info(
                    "{} sync of tenant {} ({}): {} pages, {} snapshots published, {} unchanged, {} without lead link",
                    full ? "full" : "incremental",
                    tenant,
                    causationId,
                    pages,
                    counts.published(),
                    counts.unchanged(),
                    counts.skippedWithoutLead());
            return counts;
        }
    }
}
