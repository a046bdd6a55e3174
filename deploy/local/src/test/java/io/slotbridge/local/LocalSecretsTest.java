package io.slotbridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void secretsAreGeneratedOnceAndKeptAcrossStarts() {
        LocalSecrets first = LocalSecrets.loadOrCreate(dataDir);
        LocalSecrets second = LocalSecrets.loadOrCreate(dataDir);

        assertThat(first.adminToken()).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second.adminToken());
        assertThat(first.cryptoKeys()).startsWith("local1").isEqualTo(second.cryptoKeys());
        assertThat(first.consolePasswordHash()).startsWith("{bcrypt}").isEqualTo(second.consolePasswordHash());
        assertThat(LocalSecrets.loadOrCreate(dataDir.resolve("other")).adminToken())
                .isNotEqualTo(first.adminToken());
    }

    @Test
    void onlyTheOwnerCanReadThem() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        LocalSecrets secrets = LocalSecrets.loadOrCreate(dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.dir())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.adminTokenFile())))
                .isEqualTo("rw-------");
    }

    @Test
    void toStringNamesTheDirectoryButNoSecret() {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(dataDir);

        assertThat(secrets.toString()).doesNotContain(secrets.adminToken()).contains(dataDir.toString());
    }
}
