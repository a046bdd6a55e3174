package io.slotbridge.local.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries from Maven Central, no Docker) with its data in a directory of the launcher's
 * data dir. Every service keeps its tables in its own schema of the one database, as in production.
 */
public final class LocalDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalDatabase.class);

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private LocalDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * @param dataDirectory the cluster's directory, created (initdb) when empty
     * @param fresh start from an empty cluster: the directory is wiped first
     * @param port 0 for any free port
     */
    public static LocalDatabase start(Path dataDirectory, boolean fresh, int port) {
        try {
            if (fresh) {
                deleteRecursively(dataDirectory);
            }
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // the launcher stops PostgreSQL itself, after the services
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200");
            if (fresh) {
                // a throw-away demo database: durability buys nothing, speed does
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return new LocalDatabase(builder.start(), dataDirectory);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start with data in " + dataDirectory + ": " + LocalKafka.rootMessage(e)
                            + " (another launcher using the same --slotbridge.local.data-dir?)",
                    e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        // getProcess() is pg_ctl, which exits once the server runs; the server's own pid file tells whether it still
        // runs. Ctrl-C in a terminal reaches PostgreSQL too; it has then already shut down cleanly on its own.
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            log.info("PostgreSQL had already stopped");
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
