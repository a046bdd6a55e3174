package io.slotbridge.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of a service replica: what an installation sets through the environment (Kafka, PostgreSQL,
 * secrets, topic creation off), plus JVM options sized so sixteen JVMs share two cores and a few GiB.
 *
 * @param kafka bootstrap servers of the three brokers
 * @param jdbcUrl the PostgreSQL every service keeps its schema in
 * @param adminToken bearer of the admin APIs
 * @param cryptoKeys the SecretBox key ring
 * @param consoleOperatorHash bcrypt hash of the console's operator (the console refuses to start without a user)
 * @param placeholders the tenants file's location and the values of its placeholders ({@code SLOTBRIDGE_TENANTS_FILE},
 *     {@code SLOTBRIDGE_SANDBOX_URL}, …), given as command-line properties: as environment variables Spring's relaxed
 *     binding would also read {@code SLOTBRIDGE_TENANTS_FILE} as {@code slotbridge.tenants.file}, a tenant named
 *     "file", and every service would refuse to start
 */
record ReplicaSettings(
        String kafka,
        String jdbcUrl,
        String adminToken,
        String cryptoKeys,
        String consoleOperatorHash,
        Map<String, String> placeholders) {

    List<String> jvmOptions() {
        return List.of(
                "-Xms96m",
                "-Xmx256m",
                "-Xss512k",
                "-XX:+UseSerialGC",
                // C1 only: a JIT that costs little CPU at start, which is what two shared cores run short of
                "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:+ExitOnOutOfMemoryError");
    }

    List<String> arguments(String service, int index, int port) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--slotbridge.kafka.create-topics=false",
                "--slotbridge.kafka.replication-factor=3",
                "--slotbridge.admin.token=" + adminToken,
                "--slotbridge.crypto.keys=" + cryptoKeys,
                "--management.endpoint.health.probes.enabled=true",
                "--spring.main.banner-mode=off"));
        placeholders.forEach((name, value) -> args.add("--" + name + "=" + value));
        if (!service.equals("gateway")) {
            args.addAll(List.of(
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres",
                    "--spring.datasource.hikari.maximum-pool-size=4"));
        }
        switch (service) {
            // anti-entropy sooner than in production, so a change a crash delayed is found within the test
            case "crm-connector" -> args.add("--slotbridge.crm-connector.sweep.interval=2m");
            case "calendar-connector" -> args.add("--slotbridge.calendar-connector.sync.sweep-interval=2m");
            case "console" ->
                args.addAll(List.of(
                        "--slotbridge.console.users[0].username=operator",
                        "--slotbridge.console.users[0].password-hash=" + consoleOperatorHash,
                        "--slotbridge.console.users[0].role=operator"));
            default -> {}
        }
        return args;
    }
}
