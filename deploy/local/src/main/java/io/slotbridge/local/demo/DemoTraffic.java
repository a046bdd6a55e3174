package io.slotbridge.local.demo;

import io.slotbridge.local.RunningSlotbridge;
import io.slotbridge.local.TenantOverview;
import io.slotbridge.local.people.AmoCrmPerson;
import io.slotbridge.local.people.CalendarPerson;
import io.slotbridge.local.people.SandboxControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People at work in the demo tenant's sandbox accounts, at a pace a person can follow on the sandbox page and in the
 * console: a call centre creating and qualifying leads, curators and experts booking meetings, clients confirming,
 * cancelling and not showing up, someone dragging or deleting a slot in Google Calendar, a client answering on
 * WhatsApp. Every action is one log line. Time is never moved: follow-up steps run inside the tenant's working hours.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    static final String TENANT = "demo";
    /** Enough stories to show everything many times; the sandbox keeps them all in memory. */
    static final int MAX_STORIES = 300;

    static final int STORIES_IN_FLIGHT = 3;

    private final ScheduledExecutorService timer;
    private final DemoActions actions;
    private final List<DemoStory> inFlight = new ArrayList<>();
    private final Random random = new Random();
    private int started;

    private DemoTraffic(DemoActions actions, Duration pace) {
        this.actions = actions;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "slotbridge-demo");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, pace.toMillis(), pace.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static DemoTraffic start(RunningSlotbridge running) {
        TenantOverview demo = running.tenant(TENANT);
        DemoActions actions = new DemoActions(
                AmoCrmPerson.demo(running.sandboxUrl()),
                new CalendarPerson(running.sandboxUrl(), demo.calendarId()),
                new SandboxControl(running.sandboxUrl()),
                demo.wazzupChannelId(),
                running.clock());
        log.info(
                "demo traffic: people act in the sandbox every {} s (watch {} and the console)",
                running.options().demoPace().toSeconds(),
                running.sandboxUrl());
        return new DemoTraffic(actions, running.options().demoPace());
    }

    /** One action per tick: a new story when there is room, else the next step of a story in flight. */
    private void tick() {
        try {
            if (inFlight.size() < STORIES_IN_FLIGHT && started < MAX_STORIES) {
                DemoStory story = DemoStory.next(started++, random);
                inFlight.add(story);
                story.advance(actions);
                return;
            }
            if (inFlight.isEmpty()) {
                log.info("demo traffic: {} stories told, stopping", started);
                timer.shutdown();
                return;
            }
            DemoStory story = inFlight.get(random.nextInt(inFlight.size()));
            story.advance(actions);
            for (Iterator<DemoStory> it = inFlight.iterator(); it.hasNext(); ) {
                if (it.next().finished()) {
                    it.remove();
                }
            }
        } catch (RuntimeException e) {
            // a person shrugs and tries again later; the demo goes on
            log.warn("demo traffic: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
