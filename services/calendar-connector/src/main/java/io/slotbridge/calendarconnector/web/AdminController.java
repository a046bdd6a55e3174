package io.slotbridge.calendarconnector.web;

import io.slotbridge.calendarconnector.channel.WatchChannel;
import io.slotbridge.calendarconnector.channel.WatchChannels;
import io.slotbridge.calendarconnector.config.TenantValidation;
import io.slotbridge.calendarconnector.ops.TenantStatus;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calendar-connector's admin API (Bearer admin token, see {@link AdminAuthInterceptor}). */
@RestController
@RequestMapping("/admin/tenants/{tenant}")
public class AdminController {

    private final WatchChannels channels;
    private final TenantStatus status;
    private final TenantValidation validation;

    public AdminController(WatchChannels channels, TenantStatus status, TenantValidation validation) {
        this.channels = channels;
        this.status = status;
        this.validation = validation;
    }

    /** Opens the watch channel if there is none, renews it if it expires soon or {@code renew=true}. */
    @PostMapping("/watch")
    public WatchChannel watch(@PathVariable String tenant, @RequestParam(defaultValue = "false") boolean renew) {
        return channels.ensure(tenant, renew);
    }

    @GetMapping("/status")
    public TenantStatus.Snapshot status(@PathVariable String tenant) {
        return status.of(tenant);
    }

    @GetMapping("/validation")
    public Map<String, List<TenantValidation.Problem>> validation(@PathVariable String tenant) {
        return Map.of("problems", validation.problems(tenant));
    }
}
