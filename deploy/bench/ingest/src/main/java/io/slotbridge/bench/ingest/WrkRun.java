package io.slotbridge.bench.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same closed loop driven by wrk, a load generator in C outside the JVM, when it is installed: a cross-check that
 * the Java generator, which shares the JVM and its cores, neither flatters nor caps the figures. They are printed
 * next to the Java ones, never instead of them.
 */
final class WrkRun {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Path script;

    private WrkRun(Path script) {
        this.script = script;
    }

    /** Empty when wrk is not on the PATH (e.g. {@code apt-get install wrk}) or {@code -Dbench.wrk=false}. */
    static Optional<WrkRun> ifInstalled(byte[] body, Map<String, String> headers) {
        if (!Boolean.parseBoolean(System.getProperty("bench.wrk", "true")) || !installed()) {
            return Optional.empty();
        }
        StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\nwrk.body = \"");
        for (byte b : body) {
            lua.append(String.format(Locale.ROOT, "\\%03d", b & 0xff)); // Lua decimal escapes: any byte, no quoting
        }
        lua.append("\"\n");
        headers.forEach((name, value) -> lua.append("wrk.headers[\"")
                .append(name)
                .append("\"] = \"")
                .append(value)
                .append("\"\n"));
        try {
            Path script = Files.createTempFile("bench-ingest", ".lua");
            script.toFile().deleteOnExit();
            Files.writeString(script, lua, StandardCharsets.US_ASCII);
            return Optional.of(new WrkRun(script));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the wrk script", e);
        }
    }

    private static boolean installed() {
        try {
            return new ProcessBuilder("wrk", "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    >= 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One closed-loop run; the line has the columns of {@link LatencyReport#header()} (no CPU column). */
    String run(String name, String url, int connections, Duration duration) {
        String out = wrk(url, connections, duration);
        double rate = number(RATE, out, 1);
        long requests = (long) number(TOTAL, out, 1);
        long errors = (long) number(NON_2XX, out, 1);
        Matcher socket = SOCKET_ERRORS.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return String.format(
                Locale.ROOT,
                "%-26s %9d %7d %10.0f %9.2f %9.2f %9s %9s",
                name,
                requests,
                errors,
                rate,
                percentileMillis(out, "50"),
                percentileMillis(out, "99"),
                "-",
                "-");
    }

    private String wrk(String url, int connections, Duration duration) {
        try {
            Process process = new ProcessBuilder(
                            "wrk",
                            "-t1",
                            "-c" + connections,
                            "-d" + duration.toSeconds() + "s",
                            "--latency",
                            "-s",
                            script.toString(),
                            url)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("wrk failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static double number(Pattern pattern, String out, int group) {
        Matcher m = pattern.matcher(out);
        return m.find() ? Double.parseDouble(m.group(group)) : 0;
    }

    /** wrk prints e.g. {@code 99%   12.34ms}, with us, ms or s. */
    private static double percentileMillis(String out, String percentile) {
        Matcher m =
                Pattern.compile("\\s" + percentile + "%\\s+([\\d.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
