package io.slotbridge.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One embedded PostgreSQL server per test JVM (real PostgreSQL binaries from Maven Central, no Docker). Each service
 * keeps its tables in its own schema, as in production.
 */
public final class SharedPostgres {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private static EmbeddedPostgres postgres;

    private SharedPostgres() {}

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "shared-postgres-stop"));
                postgres = started;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
