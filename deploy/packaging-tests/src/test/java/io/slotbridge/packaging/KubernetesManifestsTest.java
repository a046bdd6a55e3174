package io.slotbridge.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s, rendered like {@code kubectl kustomize overlays/production} and bound strictly to the Kubernetes object
 * model (fabric8), then checked for what an operator relies on: probes on Boot's health groups, requests and limits,
 * disruption budgets that allow drains without taking a service down, Services that reach their pods, and every
 * ConfigMap, Secret and topic the pods need.
 */
class KubernetesManifestsTest {

    /** Secrets the installation provides (base/kustomization.yaml, docs/operations.md). */
    private static final Set<String> EXTERNAL_SECRETS =
            Set.of("slotbridge-secrets", "slotbridge-db-app", "slotbridge-tenant-secrets", "slotbridge-google-keys");

    private final List<HasMetadata> production = render("deploy/k8s/overlays/production");

    @Test
    void everyObjectOfBaseAndOverlayIsAValidKubernetesObject() {
        assertThat(render("deploy/k8s/base")).isNotEmpty();
        assertThat(production)
                .allSatisfy(
                        object -> assertThat(object.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?"));
        assertThat(production)
                .filteredOn(object -> !object.getKind().equals("Namespace"))
                .allSatisfy(object ->
                        assertThat(object.getMetadata().getNamespace()).isEqualTo("slotbridge"));
    }

    @Test
    void theStrictBindingRejectsAFieldTheApiDoesNotHave() {
        Map<String, Object> misspelt = new LinkedHashMap<>(Map.of(
                "apiVersion",
                "v1",
                "kind",
                "Service",
                "metadata",
                Map.of("name", "x"),
                "spec",
                Map.of("selectr", Map.of("app", "x"))));
        assertThatThrownBy(() -> KubernetesModel.bind(misspelt)).hasMessageContaining("spec.selectr");
    }

    @Test
    void everyServiceRunsAsADeploymentWithItsPortAndImageFromTheOverlay() {
        Repository.SERVICE_PORTS.forEach((name, port) -> {
            Container container = container(deployment(name));
            assertThat(container.getImage()).isEqualTo("registry.example.com/slotbridge/" + name + ":0.1.0");
            assertThat(container.getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getContainerPort()).isEqualTo(port);
                assertThat(p.getName()).isEqualTo("http");
            });
            assertThat(container.getEnv()).contains(new EnvVar("SERVER_PORT", String.valueOf(port), null));
        });
        assertThat(deployment("gateway").getSpec().getReplicas())
                .as("overlay replicas")
                .isEqualTo(3);
        assertThat(deployment("sync").getSpec().getReplicas())
                .as("overlay patch")
                .isEqualTo(3);
    }

    @Test
    void probesUseSpringBootsLivenessAndReadinessGroups() {
        Repository.SERVICE_PORTS.keySet().forEach(name -> {
            Container container = container(deployment(name));
            assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
            assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
            assertThat(container.getStartupProbe().getPeriodSeconds()
                            * container.getStartupProbe().getFailureThreshold())
                    .as("%s: a JVM on a busy node gets minutes to start before liveness counts", name)
                    .isGreaterThanOrEqualTo(120);
        });
    }

    @Test
    void everyContainerRequestsAndIsLimitedAndTheHeapFitsTheLimit() {
        Repository.SERVICE_PORTS.keySet().forEach(name -> {
            Container container = container(deployment(name));
            Map<String, Quantity> requests = container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources().getLimits();
            assertThat(requests).as(name).containsKeys("cpu", "memory");
            assertThat(limits).as(name).containsKeys("cpu", "memory");
            assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                    .as("%s: limit at least the request", name)
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
            assertThat(container.getEnv())
                    .as("%s: heap as a share of the limit", name)
                    .anySatisfy(env -> assertThat(env.getValue()).contains("MaxRAMPercentage"));
        });
    }

    @Test
    void podsRunAsTheImagesNonRootUserWithoutPrivileges() {
        Repository.SERVICE_PORTS.keySet().forEach(name -> {
            PodSpec pod = deployment(name).getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
            Container container = container(deployment(name));
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                    .isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                    .isTrue();
            assertThat(container.getVolumeMounts())
                    .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        });
    }

    @Test
    void everyDeploymentHasADisruptionBudgetThatAllowsADrainAndKeepsReplicatedServicesUp() {
        Repository.SERVICE_PORTS.keySet().forEach(name -> {
            Deployment deployment = deployment(name);
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = all(PodDisruptionBudget.class).stream()
                    .filter(pdb -> podLabels
                            .entrySet()
                            .containsAll(
                                    pdb.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            assertThat(budgets).as("%s: one PDB selects its pods", name).hasSize(1);
            int replicas = deployment.getSpec().getReplicas();
            PodDisruptionBudget pdb = budgets.get(0);
            int keptUp = pdb.getSpec().getMinAvailable() != null
                    ? pdb.getSpec().getMinAvailable().getIntVal()
                    : replicas - pdb.getSpec().getMaxUnavailable().getIntVal();
            assertThat(replicas - keptUp)
                    .as("%s: a node drain can evict a pod", name)
                    .isGreaterThanOrEqualTo(1);
            if (replicas > 1) {
                assertThat(keptUp)
                        .as("%s: one pod keeps serving during a drain", name)
                        .isGreaterThanOrEqualTo(1);
            }
        });
    }

    @Test
    void everyServiceSelectsItsPodsOnANamedPort() {
        Repository.SERVICE_PORTS.forEach((name, port) -> {
            Service service = named(Service.class, name);
            Map<String, String> podLabels =
                    deployment(name).getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels.entrySet())
                    .containsAll(service.getSpec().getSelector().entrySet());
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getPort()).isEqualTo(port);
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });
        });
    }

    @Test
    void everyConfigMapAPodUsesIsRenderedAndEverySecretIsADocumentedExternalOne() {
        Set<String> configMaps = new HashSet<>();
        all(ConfigMap.class).forEach(cm -> configMaps.add(cm.getMetadata().getName()));
        assertThat(configMaps)
                .anyMatch(n -> n.startsWith("slotbridge-tenants-"))
                .anyMatch(n -> n.startsWith("slotbridge-config-"));
        all(Deployment.class).forEach(deployment -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            Stream.concat(
                            container.getEnvFrom().stream()
                                    .map(EnvFromSource::getConfigMapRef)
                                    .filter(ref -> ref != null)
                                    .map(ref -> ref.getName()),
                            pod.getVolumes().stream()
                                    .map(Volume::getConfigMap)
                                    .filter(ref -> ref != null)
                                    .map(ref -> ref.getName()))
                    .forEach(name -> assertThat(configMaps)
                            .as(deployment.getMetadata().getName())
                            .contains(name));
            Stream.concat(
                            Stream.concat(
                                    container.getEnvFrom().stream()
                                            .map(EnvFromSource::getSecretRef)
                                            .filter(ref -> ref != null)
                                            .map(ref -> ref.getName()),
                                    container.getEnv().stream()
                                            .filter(env -> env.getValueFrom() != null
                                                    && env.getValueFrom().getSecretKeyRef() != null)
                                            .map(env -> env.getValueFrom()
                                                    .getSecretKeyRef()
                                                    .getName())),
                            pod.getVolumes().stream()
                                    .filter(v -> v.getSecret() != null)
                                    .map(v -> v.getSecret().getSecretName()))
                    .forEach(name -> assertThat(EXTERNAL_SECRETS)
                            .as(deployment.getMetadata().getName())
                            .contains(name));
        });
        ConfigMap config = all(ConfigMap.class).stream()
                .filter(cm -> cm.getMetadata().getName().startsWith("slotbridge-config-"))
                .findFirst()
                .orElseThrow();
        assertThat(config.getData())
                .containsEntry("SLOTBRIDGE_KAFKA_CREATE_TOPICS", "false")
                .containsEntry("SLOTBRIDGE_KAFKA_REPLICATION_FACTOR", "3")
                .containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_DATASOURCE_URL")
                // as an environment variable it would also bind as slotbridge.tenants.file, a tenant named "file"
                .doesNotContainKey("SLOTBRIDGE_TENANTS_FILE");
    }

    @Test
    void everyServiceFindsTheMountedTenantsFileThroughACommandLineProperty() {
        Repository.SERVICE_PORTS.keySet().forEach(name -> {
            Container container = container(deployment(name));
            assertThat(container.getArgs()).as(name).contains("--SLOTBRIDGE_TENANTS_FILE=/etc/slotbridge/tenants.yml");
            assertThat(container.getVolumeMounts()).as(name).anyMatch(mount -> mount.getMountPath()
                    .equals("/etc/slotbridge"));
            assertThat(container.getEnv()).as(name).noneMatch(env -> env.getName()
                    .equals("SLOTBRIDGE_TENANTS_FILE"));
        });
    }

    @Test
    void theTenantsFileOfTheOverlayIsValidYamlWithTenants() {
        ConfigMap tenants = all(ConfigMap.class).stream()
                .filter(cm -> cm.getMetadata().getName().startsWith("slotbridge-tenants-"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> root = Yaml.map(Repository.yaml(tenants.getData().get("tenants.yml")));
        assertThat(Yaml.path(root, "slotbridge", "tenants")).isNotEmpty();
    }

    @Test
    void strimziCreatesEveryCatalogueTopicThreeTimesReplicated() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        production.stream()
                .filter(o -> o.getKind().equals("KafkaTopic"))
                .map(GenericKubernetesResource.class::cast)
                .forEach(topic -> {
                    assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
                    assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "slotbridge");
                    Map<String, Object> spec =
                            Yaml.map(topic.getAdditionalProperties().get("spec"));
                    assertThat(spec.get("replicas")).isEqualTo(3);
                    assertThat(Yaml.map(spec.get("config"))).containsEntry("min.insync.replicas", 2);
                    String name = (String) spec.get("topicName");
                    boolean compacted =
                            Topics.byName(name).map(TopicSpec::compacted).orElse(false);
                    assertThat(Yaml.map(spec.get("config")).getOrDefault("cleanup.policy", "delete"))
                            .as("%s cleanup.policy", name)
                            .isEqualTo(compacted ? "compact" : "delete");
                    topics.put(name, (Integer) spec.get("partitions"));
                });
        Map<String, Integer> expected = new LinkedHashMap<>();
        TopicCatalogueScriptTest.catalogue().forEach((name, partitions) -> {
            expected.put(name, partitions);
            expected.put(name + "-dlt", partitions);
        });
        assertThat(topics).isEqualTo(expected);
    }

    @Test
    void theIngressRoutesWebhooksAndConnectCallbacksToServicesThatExist() {
        Ingress ingress = all(Ingress.class).get(0);
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .toList();
        assertThat(paths).extracting(HTTPIngressPath::getPath).contains("/hooks", "/connect/amocrm", "/connect/google");
        paths.forEach(path -> {
            String service = path.getBackend().getService().getName();
            assertThat(Repository.SERVICE_PORTS).containsKey(service);
            assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
        });
        assertThat(ingress.getSpec().getTls()).isNotEmpty();
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static List<HasMetadata> render(String kustomization) {
        return Kustomize.render(Repository.file(kustomization)).stream()
                .map(KubernetesModel::bind)
                .toList();
    }

    private Deployment deployment(String name) {
        return named(Deployment.class, name);
    }

    private static Container container(Deployment deployment) {
        List<Container> containers =
                deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private <T extends HasMetadata> List<T> all(Class<T> type) {
        return production.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
