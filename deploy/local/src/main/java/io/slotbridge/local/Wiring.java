package io.slotbridge.local;

import java.nio.file.Path;

/**
 * Everything a service context is wired to: ports, infrastructure addresses, secrets and the tenants file.
 *
 * @param publicBaseUrl where amoCRM, Google and Wazzup reach the gateway; null = what the tenants file says
 */
record Wiring(
        LocalOptions options,
        Ports ports,
        LocalSecrets secrets,
        Path tenantsFile,
        String kafkaBootstrapServers,
        String jdbcUrl,
        String publicBaseUrl) {

    String url(Service service) {
        return "http://localhost:" + ports.of(service);
    }
}
