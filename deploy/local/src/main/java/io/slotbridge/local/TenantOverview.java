package io.slotbridge.local;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Just enough of a tenant to provision it and to act in its accounts: which CRM, its calendar, its WhatsApp channel.
 *
 * @param wazzupChannelId null when the tenant has no WhatsApp channel
 */
public record TenantOverview(String id, String crmKind, String calendarId, String wazzupChannelId) {

    public boolean wazzup() {
        return wazzupChannelId != null;
    }

    record Sketch(Crm crm, Calendar calendar, Messaging messaging) {}

    record Crm(String kind) {}

    record Calendar(String calendarId) {}

    record Messaging(Wazzup wazzup) {}

    record Wazzup(String apiKey, String channelId) {}

    /** The tenants as a service context bound them from the tenants file. */
    static Map<String, TenantOverview> from(Environment environment) {
        Map<String, Sketch> sketches = Binder.get(environment)
                .bind("slotbridge.tenants", Bindable.mapOf(String.class, Sketch.class))
                .orElse(Map.of());
        Map<String, TenantOverview> tenants = new TreeMap<>();
        sketches.forEach((id, sketch) -> tenants.put(
                id,
                new TenantOverview(
                        id,
                        sketch.crm() == null ? null : sketch.crm().kind(),
                        sketch.calendar() == null ? null : sketch.calendar().calendarId(),
                        sketch.messaging() == null || sketch.messaging().wazzup() == null
                                ? null
                                : sketch.messaging().wazzup().channelId())));
        return tenants;
    }
}
