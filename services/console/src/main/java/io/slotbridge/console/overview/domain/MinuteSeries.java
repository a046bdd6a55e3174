package io.slotbridge.console.overview.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Counts per minute for the last {@code minutes} minutes up to now, zeros where nothing happened. */
public final class MinuteSeries {

    private MinuteSeries() {}

    public static List<Long> fill(Map<Instant, Long> countsByMinute, Instant now, int minutes) {
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        List<Long> series = new ArrayList<>(minutes);
        for (int i = minutes - 1; i >= 0; i--) {
            series.add(countsByMinute.getOrDefault(current.minus(i, ChronoUnit.MINUTES), 0L));
        }
        return series;
    }
}
