package io.slotbridge.console.tenant;

import io.slotbridge.console.tenant.domain.TenantSettings;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The tenants file every service reads ({@code slotbridge.tenants}, docs/tenant-configuration.md). */
@ConfigurationProperties("slotbridge")
public record TenantDirectoryProperties(@DefaultValue Map<String, TenantSettings> tenants) {}
