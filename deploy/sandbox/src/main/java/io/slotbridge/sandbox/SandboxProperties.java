package io.slotbridge.sandbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sandbox. The defaults mirror the real services' documented limits and token lifetimes; fault
 * injection at run time goes through the control API instead.
 */
@Validated
@ConfigurationProperties("slotbridge.sandbox")
public record SandboxProperties(
        @NotNull @DefaultValue("http://localhost:8070") URI publicUrl,
        @DefaultValue("true") boolean seedOnStartup,
        @Min(10) @DefaultValue("500") int requestLogSize,
        @Min(1) @DefaultValue("4") int dispatcherThreads,
        @NotNull @DefaultValue("PT5S") Duration webhookTimeout,
        @NotNull @DefaultValue Amocrm amocrm,
        @NotNull @DefaultValue Bitrix24 bitrix24,
        @NotNull @DefaultValue Google google,
        @NotNull @DefaultValue Wazzup wazzup) {

    /** The public base URL without a trailing slash. */
    public String baseUrl() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * @param requestsPerSecond per integration (amoCRM: 7)
     * @param violationsBeforeBlock answers of 429 within {@code violationWindow} after which the account is blocked
     * @param blockDuration how long a blocked account answers 403 to everything (real amoCRM: until support lifts it)
     */
    public record Amocrm(
            @Min(1) @DefaultValue("7") int requestsPerSecond,
            @Min(1) @DefaultValue("20") int violationsBeforeBlock,
            @NotNull @DefaultValue("PT1M") Duration violationWindow,
            @NotNull @DefaultValue("PT1M") Duration blockDuration,
            @NotNull @DefaultValue("PT24H") Duration accessTokenTtl,
            @NotNull @DefaultValue("P90D") Duration refreshTokenTtl,
            @NotNull @DefaultValue("PT20M") Duration authorizationCodeTtl) {}

    /** Leaky bucket per portal: drains {@code requestsPerSecond}, blocks at {@code burst}. */
    public record Bitrix24(
            @Min(1) @DefaultValue("2") int requestsPerSecond,
            @Min(1) @DefaultValue("50") int burst,
            @NotNull @DefaultValue("PT1H") Duration accessTokenTtl,
            @NotNull @DefaultValue("P180D") Duration refreshTokenTtl) {}

    /** Google has no fixed per-second limit here; rate-limit errors come from fault injection. */
    public record Google(
            @NotNull @DefaultValue("P7D") Duration syncTokenTtl,
            @NotNull @DefaultValue("P7D") Duration maxChannelTtl,
            @NotNull @DefaultValue("PT1H") Duration accessTokenTtl) {}

    /**
     * @param crmMessageIdWindow how long a {@code crmMessageId} is remembered (Wazzup: 60 s)
     * @param statusStep pause between the sent, delivered and read status webhooks of an accepted message
     */
    public record Wazzup(
            @NotNull @DefaultValue("PT60S") Duration crmMessageIdWindow,
            @NotNull @DefaultValue("PT0.5S") Duration statusStep,
            @Min(1) @DefaultValue("500") int requestsPerFiveSeconds) {}
}
