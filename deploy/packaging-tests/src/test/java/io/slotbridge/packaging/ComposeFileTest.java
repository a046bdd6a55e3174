package io.slotbridge.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, parsed as YAML (anchors and merge keys resolved as Compose resolves them): every service is
 * there, pinned, health-checked, limited in memory, and started only when what it needs is healthy.
 */
class ComposeFileTest {

    /** A release tag: major.minor.patch, or major.minor where that is the product's full version (PostgreSQL). */
    private static final Pattern THIRD_PARTY_PINNED = Pattern.compile("[a-z0-9./-]+:v?\\d+\\.\\d+(\\.\\d+)?[\\w.-]*");

    private static final Pattern OUR_IMAGE =
            Pattern.compile("slotbridge/([a-z-]+):\\$\\{SLOTBRIDGE_VERSION:-(\\d+\\.\\d+\\.\\d+[\\w.-]*)}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?][^}]*)?}");

    private final String text = Repository.read("docker-compose.yml");
    private final Map<String, Object> compose = Yaml.map(Repository.yaml(text));
    private final Map<String, Object> services = Yaml.map(compose.get("services"));

    @Test
    void everyServiceTheConsoleInfrastructureAndTheToolsAreDefined() {
        assertThat(services.keySet())
                .containsAll(Repository.SERVICE_PORTS.keySet())
                .contains("kafka", "kafka-topics", "postgres", "sandbox", "prometheus", "grafana");
        assertThat(Yaml.list(service("sandbox").get("profiles")))
                .as("the emulator only on request")
                .containsExactly("sandbox");
    }

    @Test
    void everyImageNamesOneRelease() {
        services.forEach((name, definition) -> {
            String image = (String) Yaml.map(definition).get("image");
            assertThat(image).as("%s: image", name).isNotNull().doesNotContain("latest");
            Matcher ours = OUR_IMAGE.matcher(image);
            if (ours.matches()) {
                assertThat(ours.group(1)).isEqualTo(name);
            } else {
                assertThat(image)
                        .as("%s: third-party image pinned to an exact version", name)
                        .matches(THIRD_PARTY_PINNED);
            }
        });
        assertThat(service("kafka").get("image")).asString().matches("apache/kafka:\\d+\\.\\d+\\.\\d+");
        assertThat(service("postgres").get("image")).asString().matches("postgres:\\d+\\.\\d+-[\\w.]+");
    }

    @Test
    void ourImagesAreBuiltFromTheOneDockerfileWithTheirJarAndPort() {
        Repository.SERVICE_PORTS.forEach((name, port) -> {
            Map<String, Object> args = buildArgs(name);
            assertThat(args.get("JAR")).isEqualTo("services/" + name + "/target/" + name + "-0.1.0-SNAPSHOT-exec.jar");
            assertThat(Repository.file("services/" + name + "/pom.xml")).exists();
            assertThat(String.valueOf(args.get("PORT"))).isEqualTo(String.valueOf(port));
            assertThat(String.valueOf(environment(name).get("SERVER_PORT"))).isEqualTo(String.valueOf(port));
        });
        Map<String, Object> sandbox = buildArgs("sandbox");
        assertThat(sandbox.get("JAR")).isEqualTo("deploy/sandbox/target/sandbox-0.1.0-SNAPSHOT-exec.jar");
        assertThat(String.valueOf(sandbox.get("PORT"))).isEqualTo(String.valueOf(Repository.SANDBOX_PORT));
        assertThat(Repository.file("deploy/sandbox/pom.xml")).exists();
    }

    @Test
    void everyLongRunningContainerHasAHealthCheckOnItsOwnPort() {
        services.forEach((name, definition) -> {
            if (name.equals("kafka-topics")) {
                return;
            }
            Map<String, Object> healthcheck = Yaml.map(Yaml.map(definition).get("healthcheck"));
            assertThat(healthcheck).as("%s: healthcheck", name).containsKeys("test", "interval", "timeout", "retries");
            String test = String.join(" ", Yaml.strings(healthcheck.get("test")));
            Integer port = Repository.SERVICE_PORTS.get(name);
            if (port != null) {
                assertThat(test).contains("http://127.0.0.1:" + port + "/actuator/health");
            }
        });
        assertThat(String.join(
                        " ",
                        Yaml.strings(
                                Yaml.map(service("postgres").get("healthcheck")).get("test"))))
                .contains("pg_isready");
        assertThat(String.join(
                        " ",
                        Yaml.strings(
                                Yaml.map(service("kafka").get("healthcheck")).get("test"))))
                .contains("kafka-broker-api-versions.sh");
    }

    @Test
    void everyContainerHasAMemoryLimit() {
        services.forEach((name, definition) -> {
            Map<String, Object> limits = Yaml.path(Yaml.map(definition), "deploy", "resources", "limits");
            assertThat(limits.get("memory"))
                    .as("%s: memory limit", name)
                    .asString()
                    .matches("\\d+[MG]");
        });
    }

    @Test
    void servicesStartOnlyWhenKafkaIsHealthyTheTopicsExistAndTheirDatabaseIsUp() {
        Repository.SERVICE_PORTS.keySet().forEach(name -> {
            Map<String, Object> dependsOn = Yaml.map(service(name).get("depends_on"));
            assertThat(condition(dependsOn, "kafka")).as(name).isEqualTo("service_healthy");
            assertThat(condition(dependsOn, "kafka-topics")).as(name).isEqualTo("service_completed_successfully");
            if (!name.equals("gateway")) { // the gateway keeps no state
                assertThat(condition(dependsOn, "postgres")).as(name).isEqualTo("service_healthy");
            }
            assertThat(String.valueOf(environment(name).get("SLOTBRIDGE_KAFKA_CREATE_TOPICS")))
                    .as("%s leaves topic creation to the one-shot step", name)
                    .isEqualTo("false");
            assertThat(environment(name).get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:19092");
        });
        assertThat(condition(Yaml.map(service("kafka-topics").get("depends_on")), "kafka"))
                .isEqualTo("service_healthy");
        assertThat(condition(Yaml.map(service("grafana").get("depends_on")), "prometheus"))
                .isEqualTo("service_healthy");
    }

    @Test
    void kafkaRunsInKraftModeWithoutAutomaticTopicCreation() {
        Map<String, Object> env = environment("kafka");
        assertThat(String.valueOf(env.get("KAFKA_PROCESS_ROLES"))).isEqualTo("broker,controller");
        String nodeId = String.valueOf(env.get("KAFKA_NODE_ID"));
        assertThat(String.valueOf(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))).startsWith(nodeId + "@kafka:");
        assertThat(String.valueOf(env.get("KAFKA_CONTROLLER_LISTENER_NAMES"))).isEqualTo("CONTROLLER");
        String listeners = String.valueOf(env.get("KAFKA_LISTENERS"));
        assertThat(listeners).contains("PLAINTEXT://:19092", "CONTROLLER://:");
        assertThat(String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS"))).contains("PLAINTEXT://kafka:19092");
        assertThat(String.valueOf(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))).isEqualTo("false");
        assertThat(String.valueOf(env.get("CLUSTER_ID")))
                .as("a KRaft cluster id is 16 bytes in base64url")
                .matches(".*:-[A-Za-z0-9_-]{22}}");
    }

    @Test
    void theTopicStepRunsTheCatalogueScriptAgainstTheBrokersListener() {
        Map<String, Object> topics = service("kafka-topics");
        assertThat(topics.get("image")).isEqualTo(service("kafka").get("image"));
        assertThat(Yaml.strings(topics.get("entrypoint"))).contains("/opt/slotbridge/create-topics.sh");
        assertThat(Yaml.strings(topics.get("volumes")))
                .contains("./deploy/docker/create-topics.sh:/opt/slotbridge/create-topics.sh:ro");
        assertThat(environment("kafka-topics").get("KAFKA_BOOTSTRAP")).isEqualTo("kafka:19092");
        assertThat(String.valueOf(topics.get("restart"))).isEqualTo("no");
    }

    @Test
    void everyFileTheComposeFileMountsExists() {
        services.forEach(
                (name, definition) -> Yaml.strings(Yaml.map(definition).getOrDefault("volumes", List.of())).stream()
                        .map(volume -> volume.split(":")[0])
                        .filter(source -> source.startsWith("./"))
                        .forEach(source -> assertThat(Repository.file(source.substring(2)))
                                .as("%s mounts %s", name, source)
                                .exists()));
        assertThat(Repository.file("deploy/tenants/demo.yml")).exists();
    }

    @Test
    void secretsComeFromTheEnvFileAndEveryRequiredOneIsDocumentedInTheExample() throws Exception {
        Set<String> documented = Files.readAllLines(Repository.file(".env.example")).stream()
                .map(String::strip)
                .filter(line -> line.matches("#? ?[A-Z][A-Z0-9_]*=.*"))
                .map(line -> line.replaceFirst("^# ?", "").split("=")[0])
                .collect(Collectors.toSet());
        Set<String> required = new LinkedHashSet<>();
        Matcher variables = VARIABLE.matcher(text);
        while (variables.find()) {
            if (variables.group(2) != null && variables.group(2).startsWith(":?")) {
                required.add(variables.group(1));
            }
        }
        assertThat(required).contains("POSTGRES_PASSWORD", "SLOTBRIDGE_ADMIN_TOKEN", "SLOTBRIDGE_CRYPTO_KEYS");
        assertThat(documented).containsAll(required);
        assertThat(Repository.read(".gitignore").lines())
                .as(".env is never committed")
                .contains(".env");
        // no literal secret values in the compose file
        assertThat(environment("postgres").get("POSTGRES_PASSWORD")).asString().startsWith("${");
        for (String secret :
                List.of("SPRING_DATASOURCE_PASSWORD", "SLOTBRIDGE_ADMIN_TOKEN", "SLOTBRIDGE_CRYPTO_KEYS")) {
            assertThat(environment("sync").get(secret)).as(secret).asString().startsWith("${");
        }
    }

    @Test
    void everyServiceFindsTheMountedTenantsFileThroughACommandLineProperty() {
        Repository.SERVICE_PORTS.keySet().forEach(name -> {
            assertThat(Yaml.strings(service(name).get("command")))
                    .as(name)
                    .contains("--SLOTBRIDGE_TENANTS_FILE=/etc/slotbridge/tenants.yml");
            assertThat(Yaml.strings(service(name).get("volumes")))
                    .as(name)
                    .anyMatch(volume -> volume.endsWith(":/etc/slotbridge/tenants.yml:ro"));
            // as an environment variable it would also bind as slotbridge.tenants.file, a tenant named "file"
            assertThat(environment(name)).as(name).doesNotContainKey("SLOTBRIDGE_TENANTS_FILE");
        });
    }

    private Map<String, Object> service(String name) {
        return Yaml.map(services.get(name));
    }

    private Map<String, Object> environment(String name) {
        return Yaml.map(service(name).get("environment"));
    }

    private Map<String, Object> buildArgs(String name) {
        Map<String, Object> build = Yaml.map(service(name).get("build"));
        assertThat(build.get("dockerfile")).isEqualTo("deploy/docker/Dockerfile");
        assertThat(build.get("context")).isEqualTo(".");
        return Yaml.map(build.get("args"));
    }

    private static String condition(Map<String, Object> dependsOn, String on) {
        return String.valueOf(Yaml.map(dependsOn.get(on)).get("condition"));
    }
}
