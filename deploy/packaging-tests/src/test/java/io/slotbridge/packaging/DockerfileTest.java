package io.slotbridge.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbridge.packaging.Dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.loader.tools.Layer;
import org.springframework.boot.loader.tools.StandardLayers;

/** deploy/docker/Dockerfile builds every service image: checked here because no build machine runs Docker. */
class DockerfileTest {

    /** name:exact.version[-variant][@sha256:digest] — a tag that names one release, never a moving one. */
    private static final Pattern PINNED_IMAGE =
            Pattern.compile("([a-z0-9./-]+):(\\d+)\\.\\d+\\.\\d+[\\w.-]*(@sha256:[0-9a-f]{64})?");

    private final Dockerfile dockerfile = Dockerfile.parse(Repository.read("deploy/docker/Dockerfile"));
    private final Dockerfile runtime = dockerfile.finalStage();

    @Test
    void everyStageStartsFromTheSameJreImagePinnedToOneReleaseOfTheProjectsJava() {
        List<Instruction> froms = dockerfile.all("FROM");
        assertThat(froms).as("multi-stage: extract layers, then run").hasSizeGreaterThanOrEqualTo(2);
        List<String> images = new ArrayList<>();
        for (Instruction from : froms) {
            String image = from.arguments().split("\\s+")[0];
            Matcher pinned = PINNED_IMAGE.matcher(image);
            assertThat(pinned.matches())
                    .as("line %d: base image %s must name an exact release", from.line(), image)
                    .isTrue();
            assertThat(pinned.group(1)).isEqualTo("eclipse-temurin");
            assertThat(image).contains("-jre").doesNotContain("latest");
            assertThat(pinned.group(2)).as("Java major of the image").isEqualTo(projectJavaVersion());
            images.add(image);
        }
        assertThat(images).as("one base for all stages").containsOnly(images.get(0));
    }

    @Test
    void theJarIsSplitIntoSpringBootsStandardLayersAndCopiedInChangeOrder() {
        Instruction extract = dockerfile.all("RUN").stream()
                .filter(run -> run.arguments().contains("-Djarmode=tools"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no RUN java -Djarmode=tools … extract"));
        assertThat(extract.arguments()).contains("extract", "--layers", "--launcher", "--destination extracted");

        List<String> copied = runtime.all("COPY").stream()
                .map(Instruction::arguments)
                .filter(args -> args.startsWith("--from=layers"))
                .map(args -> args.split("\\s+")[1])
                .toList();
        List<String> expected = new ArrayList<>();
        for (Layer layer : List.of(
                StandardLayers.DEPENDENCIES,
                StandardLayers.SPRING_BOOT_LOADER,
                StandardLayers.SNAPSHOT_DEPENDENCIES,
                StandardLayers.APPLICATION)) {
            expected.add("/build/extracted/" + layer + "/");
        }
        assertThat(copied)
                .as("least to most often changed, as Boot orders its layers")
                .isEqualTo(expected);
    }

    @Test
    void theRuntimeRunsAsTheNumericNonRootUserItCreates() {
        List<Instruction> users = runtime.all("USER");
        assertThat(users).hasSize(1);
        String user = users.get(0).arguments();
        assertThat(user).matches("\\d+:\\d+");
        String uid = user.split(":")[0];
        assertThat(uid).isNotEqualTo("0");
        assertThat(runtime.all("RUN"))
                .anySatisfy(
                        run -> assertThat(run.arguments()).contains("adduser").contains("-u " + uid));
        int userIndex = runtime.instructions().indexOf(users.get(0));
        assertThat(runtime.instructions()
                        .subList(userIndex, runtime.instructions().size()))
                .as("nothing runs as root after USER")
                .noneMatch(i -> i.keyword().equals("RUN"));
    }

    @Test
    void theServicePortIsExposedAndIsTheOneSpringBootListensOn() {
        assertThat(runtime.all("ARG"))
                .anySatisfy(arg -> assertThat(arg.arguments()).startsWith("PORT"));
        assertThat(runtime.all("ENV"))
                .anySatisfy(env -> assertThat(env.arguments()).isEqualTo("SERVER_PORT=${PORT}"));
        assertThat(runtime.all("EXPOSE")).singleElement().satisfies(expose -> assertThat(expose.arguments())
                .isEqualTo("${PORT}"));
    }

    @Test
    void theHealthCheckAsksSpringBootsHealthEndpointOnThatPort() {
        Instruction healthcheck =
                runtime.all("HEALTHCHECK").stream().findFirst().orElseThrow();
        assertThat(healthcheck.arguments())
                .contains("--interval=", "--timeout=", "--start-period=", "--retries=")
                .contains("CMD ")
                .contains("http://127.0.0.1:${SERVER_PORT}/actuator/health")
                .contains("|| exit 1");
    }

    @Test
    void theEntrypointIsExecFormStartingBootsLauncher() throws Exception {
        Instruction entrypoint = runtime.all("ENTRYPOINT").stream().findFirst().orElseThrow();
        String[] argv = new ObjectMapper().readValue(entrypoint.arguments(), String[].class);
        assertThat(argv[0]).isEqualTo("java");
        String launcher = argv[argv.length - 1];
        assertThat(launcher).isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(Class.forName(launcher))
                .as("the launcher Boot 3.5 puts into the loader layer")
                .isNotNull();
        assertThat(runtime.all("CMD"))
                .as("no shell-form command wrapping the JVM")
                .isEmpty();
    }

    @Test
    void theBuildContextLetsOnlyTheExecutableJarsThrough() {
        List<String> rules = Repository.read("deploy/docker/Dockerfile.dockerignore")
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(rules.get(0)).as("everything excluded first").isEqualTo("*");
        assertThat(rules.subList(1, rules.size()))
                .allSatisfy(rule -> assertThat(rule).startsWith("!").endsWith("-exec.jar"));
    }

    private static String projectJavaVersion() {
        Matcher matcher = Pattern.compile("<java.version>(\\d+)</java.version>").matcher(Repository.read("pom.xml"));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
