package io.slotbridge.platform.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token bearer token of the admin API of every service (env {@code SLOTBRIDGE_ADMIN_TOKEN})
 */
@ConfigurationProperties("slotbridge.admin")
public record AdminProperties(String token) {

    @Override
    public String toString() {
        return "AdminProperties[token=" + (token == null ? "unset" : "***") + "]";
    }
}
