package io.slotbridge.console.tenant;

import io.slotbridge.console.common.domain.SlotColor;
import io.slotbridge.console.tenant.domain.ConfigProblem;
import io.slotbridge.console.tenant.domain.TenantConfigCheck;
import io.slotbridge.console.tenant.domain.TenantSettings;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenants the console knows: configured ones, plus any that only appear in the projection. */
@Component
public class Tenants {

    private static final Map<String, String> DEFAULT_COLORS = Map.of(
            "scheduled", "", "confirmed", "5", "held", "10", "cancelled", "11", "rescheduled", "3", "no-contact", "8");

    private final Map<String, TenantSettings> configured;
    private final JdbcTemplate jdbc;

    public Tenants(TenantDirectoryProperties directory, JdbcTemplate jdbc) {
        this.configured = directory.tenants();
        this.jdbc = jdbc;
    }

    public List<String> ids() {
        TreeSet<String> ids = new TreeSet<>(configured.keySet());
        ids.addAll(jdbc.queryForList(
                "select tenant from lead union select tenant from connection_status"
                        + " union select tenant from dead_letter",
                String.class));
        return List.copyOf(ids);
    }

    /** The tenant to show when none was chosen. */
    public String defaultTenant() {
        List<String> ids = ids();
        return ids.isEmpty() ? "demo" : ids.get(0);
    }

    public Optional<TenantSettings> settings(String tenant) {
        return Optional.ofNullable(configured.get(tenant));
    }

    public String displayName(String tenant) {
        return settings(tenant)
                .map(TenantSettings::displayName)
                .filter(name -> !name.isBlank())
                .orElse(tenant);
    }

    /** The tenant's time zone for showing times; UTC when unset or invalid (the config check says so). */
    public ZoneId zone(String tenant) {
        return settings(tenant)
                .map(TenantSettings::timeZone)
                .flatMap(Tenants::parseZone)
                .orElse(ZoneOffset.UTC);
    }

    /** Configured people by e-mail (lower case), to name experts from slot guests. */
    public Optional<String> personByEmail(String tenant, String email) {
        if (email == null) {
            return Optional.empty();
        }
        return settings(tenant).stream()
                .flatMap(t -> t.people().stream())
                .filter(p -> p.email() != null && p.email().equalsIgnoreCase(email))
                .map(TenantSettings.Person::name)
                .findFirst();
    }

    /** Meeting state a colour id stands for in this tenant's colour map (e.g. "5" → confirmed). */
    public Optional<String> meaningOfColor(String tenant, String colorId) {
        String id = colorId == null ? "" : colorId;
        return settings(tenant).map(TenantSettings::calendar).flatMap(c -> c.colors().entrySet().stream()
                .filter(e -> id.equals(e.getValue() == null ? "" : e.getValue()))
                .map(Map.Entry::getKey)
                .findFirst());
    }

    /** Colour → meeting state from the tenant's colour map (DESIGN §2 defaults when the tenant has none). */
    public List<ColorMeaning> colorLegend(String tenant) {
        Map<String, String> colors = settings(tenant)
                .map(TenantSettings::calendar)
                .map(TenantSettings.Calendar::colors)
                .filter(map -> !map.isEmpty())
                .orElse(DEFAULT_COLORS);
        return colors.entrySet().stream()
                .map(e -> new ColorMeaning(SlotColor.of(e.getValue()), e.getKey()))
                .sorted(java.util.Comparator.comparing(m -> m.color().ordinal()))
                .toList();
    }

    public record ColorMeaning(SlotColor color, String state) {}

    /** What the console itself finds wrong with the tenant's configuration. */
    public List<ConfigProblem> check(String tenant) {
        return settings(tenant)
                .map(settings -> TenantConfigCheck.check(tenant, settings))
                .orElse(List.of(ConfigProblem.error(
                        "",
                        "tenant '" + tenant + "' is not in the tenants file the console reads "
                                + "(SLOTBRIDGE_TENANT_CONFIG)")));
    }

    private static Optional<ZoneId> parseZone(String zone) {
        try {
            return Optional.of(ZoneId.of(zone));
        } catch (DateTimeException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
