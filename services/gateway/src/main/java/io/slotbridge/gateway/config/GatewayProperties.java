package io.slotbridge.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Gateway behaviour.
 *
 * @param maxBodySize bodies above this are refused with 413 (keep it well under the broker's message size: the
 *     archive record carries the body, JSON-escaped)
 * @param ackTimeout how long a request waits for Kafka's acknowledgement before it is answered 503; with the
 *     producer's own timeouts (gateway.yml) it keeps every answer under amoCRM's 2 s limit
 * @param retryAfter the {@code Retry-After} sent with 503
 */
@Validated
@ConfigurationProperties("slotbridge.gateway")
public record GatewayProperties(
        @NotNull @DefaultValue("256KB") DataSize maxBodySize,
        @NotNull @DefaultValue("1200ms") Duration ackTimeout,
        @NotNull @DefaultValue("5s") Duration retryAfter) {}
