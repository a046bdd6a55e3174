package io.slotbridge.console.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the console ({@code slotbridge.console.*}).
 *
 * @param consumerGroup the console's own consumer group; it reads every topic and dead-letter topic
 * @param services base URLs of the other services' admin APIs, by service name
 * @param connectBaseUrls browser-facing base URLs for connect links, when they differ from {@code services}
 * @param serviceTimeout how long a page waits for another service before showing it as unreachable
 * @param users form-login users; passwords only as bcrypt hashes
 * @param oidc role mapping for OIDC login (active only when an OAuth2 client registration is configured)
 * @param refreshInterval how often the overview refreshes itself in the browser
 * @param retention how long timeline entries and webhooks are kept
 * @param lagCacheTtl how long a consumer-lag reading is reused between page refreshes
 * @param bulkReplayLimit the most dead letters one "replay matching" action sends
 */
@Validated
@ConfigurationProperties("slotbridge.console")
public record ConsoleProperties(
        @DefaultValue("console") @NotBlank String consumerGroup,
        @DefaultValue Map<String, URI> services,
        @DefaultValue Map<String, URI> connectBaseUrls,
        @DefaultValue("3s") Duration serviceTimeout,
        @DefaultValue List<@Valid User> users,
        @DefaultValue @Valid Oidc oidc,
        @DefaultValue("5s") Duration refreshInterval,
        @DefaultValue("P30D") Duration retention,
        @DefaultValue("5s") Duration lagCacheTtl,
        @DefaultValue("1000") int bulkReplayLimit) {

    public Optional<URI> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** Where a browser reaches {@code service}'s connect endpoints. */
    public Optional<URI> connectBase(String name) {
        return Optional.ofNullable(connectBaseUrls.get(name)).or(() -> service(name));
    }

    /**
     * A console user.
     *
     * @param passwordHash a bcrypt hash ({@code {bcrypt}$2a$…} or {@code $2a$…}), never a plain password
     */
    public record User(
            @NotBlank String username,
            @NotBlank String passwordHash,
            @NotNull ConsoleRole role) {

        @Override
        public String toString() {
            return "User[" + username + ", " + role + "]";
        }
    }

    /**
     * @param rolesClaim the ID-token/user-info claim that lists the user's groups
     * @param operatorValues claim values that make a user an operator
     * @param viewerValues claim values that make a user a viewer
     */
    public record Oidc(
            @DefaultValue("groups") String rolesClaim,
            @DefaultValue("slotbridge-operators") List<String> operatorValues,
            @DefaultValue("slotbridge-viewers") List<String> viewerValues) {}
}
