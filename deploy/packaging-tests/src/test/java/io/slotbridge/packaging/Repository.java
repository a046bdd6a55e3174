package io.slotbridge.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository the tests check, and the facts of docs/engineering.md they check it against. */
final class Repository {

    /** Every deployable service and its default port (docs/engineering.md, "One JVM, many services"). */
    static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "gateway", 8080,
            "crm-connector", 8081,
            "calendar-connector", 8082,
            "sync", 8083,
            "followup", 8084,
            "console", 8090);

    static final int SANDBOX_PORT = 8070;

    private static final Path ROOT = findRoot();

    private Repository() {}

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain YAML (anchors and merge keys resolved) as maps and lists. */
    static Object yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options).load(text);
    }

    /** The directory holding mvnw, found upwards from wherever the test runs. */
    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root (mvnw + docker-compose.yml) not found above "
                + Path.of("").toAbsolutePath());
    }
}
