package io.slotbridge.local;

import io.slotbridge.platform.crypto.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The secrets a local installation needs, generated on first start and kept in {@code <data-dir>/secrets} (directory
 * mode 700, files 600) so tokens encrypted at rest stay readable across restarts: the AES-256-GCM key ring, the admin
 * API token, and the console operator's password (used with a tenants file of real accounts; the sandbox demo uses
 * the console's own demo users).
 */
final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String CONSOLE_USER = "operator";

    private final Path dir;
    private final String adminToken;
    private final String cryptoKeys;
    private final String consolePasswordHash;

    private LocalSecrets(Path dir, String adminToken, String cryptoKeys, String consolePasswordHash) {
        this.dir = dir;
        this.adminToken = adminToken;
        this.cryptoKeys = cryptoKeys;
        this.consolePasswordHash = consolePasswordHash;
    }

    static LocalSecrets loadOrCreate(Path dataDir) {
        Path dir = dataDir.resolve("secrets");
        try {
            createPrivateDirectory(dir);
            String adminToken = readOrCreate(dir.resolve("admin-token"), LocalSecrets::randomToken);
            String cryptoKeys = readOrCreate(dir.resolve("crypto-keys"), () -> SecretBox.generateKeyEntry("local1"));
            String password = readOrCreate(dir.resolve("console-password"), LocalSecrets::randomToken);
            String hash = readOrCreate(
                    dir.resolve("console-password.bcrypt"),
                    () -> "{bcrypt}" + new BCryptPasswordEncoder(12).encode(password));
            return new LocalSecrets(dir, adminToken, cryptoKeys, hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local secrets in " + dir + ": " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }

    String adminToken() {
        return adminToken;
    }

    String cryptoKeys() {
        return cryptoKeys;
    }

    String consolePasswordHash() {
        return consolePasswordHash;
    }

    Path consolePasswordFile() {
        return dir.resolve("console-password");
    }

    Path adminTokenFile() {
        return dir.resolve("admin-token");
    }

    private static String readOrCreate(Path file, Supplier<String> generate) throws IOException {
        if (Files.exists(file)) {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!value.isEmpty()) {
                return value;
            }
        }
        String value = generate.get();
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (posix()) {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return value;
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            restrict(dir, PosixFilePermissions.fromString("rwx------"));
            return;
        }
        if (posix()) {
            FileAttribute<Set<PosixFilePermission>> owner =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, owner);
        } else {
            Files.createDirectories(dir);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "LocalSecrets[" + dir + "]";
    }
}
