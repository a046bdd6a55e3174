package io.slotbridge.sandbox.google;

import io.slotbridge.sandbox.SandboxProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.stereotype.Component;

/** The emulated Google calendars by id. */
@Component
public class GoogleCalendarStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, GoogleCalendar> calendars = new ConcurrentSkipListMap<>();
    private final Clock clock;
    private final String baseUrl;

    public GoogleCalendarStore(Clock clock, SandboxProperties properties) {
        this.clock = clock;
        this.baseUrl = properties.baseUrl();
    }

    public GoogleCalendar calendar(String id) {
        return find(id).orElseThrow(GoogleErrors::notFound);
    }

    public Optional<GoogleCalendar> find(String id) {
        return Optional.ofNullable(calendars.get(id));
    }

    /** A new empty calendar; a random generation makes sync tokens from before a reset fail with 410. */
    public GoogleCalendar create(String id, String summary, String timeZone) {
        GoogleCalendar calendar =
                new GoogleCalendar(id, summary, timeZone, baseUrl, clock, RANDOM.nextInt(1_000_000) * 1000L);
        calendars.put(id, calendar);
        return calendar;
    }

    public Collection<GoogleCalendar> all() {
        return List.copyOf(calendars.values());
    }

    public void clear() {
        calendars.clear();
    }
}
