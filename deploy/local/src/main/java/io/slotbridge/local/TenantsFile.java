package io.slotbridge.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The tenants file every service imports ({@code SLOTBRIDGE_TENANTS_FILE}, docs/tenant-configuration.md): the
 * administrator's own file of real accounts, or the demo tenants of DESIGN §8 (bundled from deploy/tenants/demo.yml
 * and written to the data dir at every start, so edits there do not survive — pass a file of your own instead).
 */
final class TenantsFile {

    static final String BUNDLED_DEMO = "slotbridge-local/demo.yml";
    static final String DEMO_FILE_NAME = "demo-tenants.yml";

    private TenantsFile() {}

    static Path resolve(LocalOptions options, Path dataDir) {
        if (!options.sandboxTenants()) {
            Path own = Path.of(options.tenantsFile()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(own) || !Files.isReadable(own)) {
                throw new IllegalArgumentException(
                        "--slotbridge.local.tenants-file=" + options.tenantsFile() + ": no readable file at " + own);
            }
            return own;
        }
        Path demo = dataDir.resolve(DEMO_FILE_NAME);
        try (InputStream bundled = TenantsFile.class.getClassLoader().getResourceAsStream(BUNDLED_DEMO)) {
            if (bundled == null) {
                throw new IllegalStateException("the launcher was built without " + BUNDLED_DEMO);
            }
            Files.createDirectories(dataDir);
            Files.copy(bundled, demo, StandardCopyOption.REPLACE_EXISTING);
            return demo;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo tenants to " + demo, e);
        }
    }
}
