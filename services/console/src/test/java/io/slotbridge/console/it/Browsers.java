package io.slotbridge.console.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds Debian's Chromium and its chromedriver ({@code CHROME_BIN} / {@code CHROMEDRIVER} override). */
final class Browsers {

    private Browsers() {}

    static Path chromium() {
        return find("CHROME_BIN", List.of("chromium", "chromium-browser", "google-chrome"));
    }

    static Path chromedriver() {
        return find("CHROMEDRIVER", List.of("chromedriver"));
    }

    private static Path find(String variable, List<String> names) {
        String explicit = System.getenv(variable);
        if (explicit != null && Files.isExecutable(Path.of(explicit))) {
            return Path.of(explicit);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .flatMap(dir -> names.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }
}
