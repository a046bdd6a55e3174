package io.slotbridge.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.local.LocalOptions;
import io.slotbridge.local.RunningSlotbridge;
import io.slotbridge.local.SlotbridgeLocal;
import io.slotbridge.local.people.AmoCrmPerson;
import io.slotbridge.local.people.CalendarPerson;
import io.slotbridge.local.people.SandboxControl;
import io.slotbridge.local.people.Slot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * End-to-end latency and API cost of the whole system on the sandbox, in two phases:
 *
 * <ol>
 *   <li><b>booking</b>: curators book {@code leads} leads at {@code rate} per second in amoCRM (stage 5, time, expert);
 *       measured: booking sent → the slot exists in Google Calendar;
 *   <li><b>colour</b>: an expert paints each slot Basil (held) at the same rate; measured: paint sent → the lead
 *       is in {@code 6. Встреча проведена} in amoCRM.
 * </ol>
 *
 * Then Slotbridge's API calls per lead: the sandbox's call counters over both phases, less the calls the bench made
 * itself (bookings, paints and its polls). Leads are created before the clock starts; production sweep intervals.
 */
public final class E2eBench {

    private static final String TENANT = "demo";
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final List<String> APIS = List.of("amocrm", "google", "wazzup");
    /** Each person is one OAuth integration paced under amoCRM's 7 requests/s. */
    private static final int CURATORS = 4;

    private final RunningSlotbridge running;
    private final List<AmoCrmPerson> curators = new ArrayList<>();
    private final CalendarPerson calendar;
    private final CalendarPerson expert;
    private final AmoCrmPerson watcher;
    private final SandboxControl sandbox;
    private long ownAmoCalls;
    private long ownGoogleCalls;

    private E2eBench(RunningSlotbridge running) {
        this.running = running;
        for (int i = 0; i < CURATORS; i++) {
            curators.add(AmoCrmPerson.demo(running.sandboxUrl()));
        }
        String calendarId = running.tenant(TENANT).calendarId();
        this.calendar = new CalendarPerson(running.sandboxUrl(), calendarId);
        this.expert = new CalendarPerson(running.sandboxUrl(), calendarId);
        this.watcher = AmoCrmPerson.demo(running.sandboxUrl());
        this.sandbox = new SandboxControl(running.sandboxUrl());
    }

    public static void main(String[] args) throws Exception {
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        int leads = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path data = Files.createTempDirectory("slotbridge-e2e-bench-");
        try (RunningSlotbridge running = SlotbridgeLocal.start(LocalOptions.forTests(data))) {
            new E2eBench(running).run(rate, leads);
        } finally {
            deleteQuietly(data);
        }
        System.exit(0);
    }

    private void run(double rate, int count) throws InterruptedException {
        System.out.printf(Locale.ROOT, "%nE2E bench: %d leads booked at %.1f/s in the sandbox's amoCRM%n", count, rate);
        List<Long> leads = createLeads(count);
        for (AmoCrmPerson curator : curators) {
            curator.metadata();
        }
        watcher.metadata();
        JsonNode before = sandbox.stats();

        Map<Long, Instant> booked = new ConcurrentHashMap<>();
        Map<Long, Instant> slotSeen = new ConcurrentHashMap<>();
        Map<Long, String> slotIds = new ConcurrentHashMap<>();
        Instant phaseStart = running.clock().instant();
        measure(
                "slots",
                leads,
                rate,
                (index, lead) -> {
                    AmoCrmPerson curator = curators.get(index % curators.size());
                    booked.put(lead, running.clock().instant());
                    curator.book(lead, meetingTime(index), index % 2 == 0 ? "Паша" : "Маша", "B", "Бенчмарк");
                },
                () -> {
                    if (slotSeen.size() < leads.size() && secondsSince(phaseStart) > 60) {
                        reportMissing(leads, slotSeen);
                    }
                    ownGoogleCalls++;
                    for (Slot slot : calendar.slotsUpdatedSince(TENANT, phaseStart.minusSeconds(5))) {
                        long lead = Long.parseLong(slot.privateProperty("slotbridgeLead"));
                        if (leads.contains(lead) && slotIds.putIfAbsent(lead, slot.id()) == null) {
                            slotSeen.put(lead, running.clock().instant());
                        }
                    }
                    return slotSeen.size();
                });
        ownAmoCalls += count;

        Map<Long, Instant> painted = new ConcurrentHashMap<>();
        Map<Long, Instant> held = new ConcurrentHashMap<>();
        measure(
                "held stage in amoCRM",
                leads,
                rate,
                (index, lead) -> {
                    painted.put(lead, running.clock().instant());
                    expert.paint(slotIds.get(lead), CalendarPerson.BASIL);
                },
                () -> {
                    ownAmoCalls++;
                    for (long lead : watcher.leadIdsInStage("6. Встреча проведена")) {
                        if (leads.contains(lead) && painted.containsKey(lead)) {
                            held.putIfAbsent(lead, running.clock().instant());
                        }
                    }
                    return held.size();
                });
        ownGoogleCalls += count;
        JsonNode after = sandbox.stats();

        report("booking → slot in Google Calendar", latencies(booked, slotSeen));
        report("Basil in the calendar → lead held in amoCRM", latencies(painted, held));
        System.out.printf(Locale.ROOT, "API calls per lead by Slotbridge (both phases, bench's own calls removed):%n");
        for (String api : APIS) {
            long calls = counter(after, api, "calls") - counter(before, api, "calls");
            long own = api.equals("amocrm") ? ownAmoCalls : api.equals("google") ? ownGoogleCalls : 0;
            System.out.printf(
                    Locale.ROOT,
                    "  %-8s %6.2f  (%d calls, %d answered 429, %d webhooks/pushes sent)%n",
                    api,
                    (calls - own) / (double) count,
                    calls - own,
                    counter(after, api, "status429") - counter(before, api, "status429"),
                    counter(after, api, "webhooksSent") - counter(before, api, "webhooksSent"));
        }
    }

    private long secondsSince(Instant start) {
        return Duration.between(start, running.clock().instant()).toSeconds();
    }

    /** What the calendar has for the leads still without a slot, to tell a lost slot from a slow one. */
    private void reportMissing(List<Long> leads, Map<Long, Instant> seen) {
        leads.stream()
                .filter(lead -> !seen.containsKey(lead))
                .limit(3)
                .forEach(lead -> System.out.printf(
                        Locale.ROOT,
                        "  still no slot seen for lead %d: calendar has %s%n",
                        lead,
                        calendar.slotsOf(TENANT, lead)));
    }

    private List<Long> createLeads(int count) {
        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AmoCrmPerson curator = curators.get(i % curators.size());
            leads.add(curator.createLead(
                    "Бенчмарк " + i, "Клиент бенчмарка " + i, "+7998" + String.format("%07d", i), "Ольга"));
        }
        return leads;
    }

    /**
     * People act on every lead at the given rate while the bench watches the other side (one poll every
     * {@link #POLL}, on its own thread from the start, so a fast answer is seen when it happens); returns when every
     * lead has been seen.
     */
    private void measure(String what, List<Long> leads, double rate, IndexedAction action, IntSupplier seen)
            throws InterruptedException {
        CompletableFuture<Void> watching = CompletableFuture.runAsync(() -> awaitAll(what, leads, seen));
        paced(leads, rate, action);
        try {
            watching.get(PATIENCE.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }

    /** Runs the action for every lead, starting one every 1/rate seconds (each curator works on its own thread). */
    private void paced(List<Long> leads, double rate, IndexedAction action) throws InterruptedException {
        ExecutorService people = Executors.newFixedThreadPool(CURATORS);
        long intervalNanos = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        for (int i = 0; i < leads.size(); i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            people.execute(() -> action.take(index, leads.get(index)));
        }
        people.shutdown();
        if (!people.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("people did not finish their actions in " + PATIENCE);
        }
    }

    private static void awaitAll(String what, List<Long> leads, IntSupplier seen) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (seen.getAsInt() < leads.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        what + ": " + seen.getAsInt() + " of " + leads.size() + " leads converged in " + PATIENCE);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static List<Duration> latencies(Map<Long, Instant> from, Map<Long, Instant> to) {
        List<Duration> latencies = new ArrayList<>();
        from.forEach((lead, start) -> latencies.add(Duration.between(start, to.get(lead))));
        latencies.sort(Duration::compareTo);
        return latencies;
    }

    private static void report(String what, List<Duration> sorted) {
        System.out.printf(
                Locale.ROOT,
                "%-45s p50 %6d ms   p99 %6d ms   max %6d ms   (n=%d, poll every %d ms)%n",
                what,
                percentile(sorted, 0.50).toMillis(),
                percentile(sorted, 0.99).toMillis(),
                sorted.get(sorted.size() - 1).toMillis(),
                sorted.size(),
                POLL.toMillis());
    }

    static Duration percentile(List<Duration> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** Spread over the next two working days, 10:00–18:00 Moscow time. */
    private Instant meetingTime(int index) {
        LocalDate day = LocalDate.ofInstant(running.clock().instant(), MOSCOW).plusDays(1 + index % 2);
        return ZonedDateTime.of(day, LocalTime.of(10 + index % 8, (index / 8 % 4) * 15), MOSCOW)
                .toInstant();
    }

    private static long counter(JsonNode stats, String api, String name) {
        return stats.path(api).path(name).asLong();
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface IndexedAction {
        void take(int index, long lead);
    }
}
