package io.slotbridge.console.web;

import io.slotbridge.console.tenant.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Time formatting for templates ({@code ${@fmt.time(instant, tenant)}}), in the tenant's time zone with its offset. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss xxx", Locale.ROOT);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd.MM", Locale.ENGLISH);

    private final Tenants tenants;
    private final Clock clock;

    public Formats(Tenants tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    public String time(Instant instant, String tenant) {
        if (instant == null) {
            return "—";
        }
        return FULL.format(instant.atZone(tenants.zone(tenant)));
    }

    public String clock(Instant instant, String tenant) {
        return instant == null ? "—" : SHORT.format(instant.atZone(tenants.zone(tenant)));
    }

    public String day(java.time.LocalDate day) {
        return DAY.format(day);
    }

    public String zone(String tenant) {
        return tenants.zone(tenant).getId();
    }

    /** "in 3 h 20 min", "5 min ago", relative to the console's clock. */
    public String relative(Instant instant) {
        if (instant == null) {
            return "—";
        }
        Duration delta = Duration.between(clock.instant(), instant);
        String amount = amount(delta.abs());
        return delta.isNegative() ? amount + " ago" : "in " + amount;
    }

    public boolean past(Instant instant) {
        return instant != null && instant.isBefore(clock.instant());
    }

    /** True when the instant is within {@code hours} from now (or past). */
    public boolean within(Instant instant, long hours) {
        return instant != null && instant.isBefore(clock.instant().plus(Duration.ofHours(hours)));
    }

    static String amount(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return duration.toSeconds() + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = duration.toHours();
        if (hours < 48) {
            long rest = minutes - hours * 60;
            return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
        }
        return duration.toDays() + " days";
    }
}
