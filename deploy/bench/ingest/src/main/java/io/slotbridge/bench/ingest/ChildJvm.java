package io.slotbridge.bench.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One server of the bench (the broker, the bare endpoint, the floor or the gateway) in a JVM of its own, started from
 * this bench's jar with {@link BenchServer} as its main class and the JVM options this bench was given. In one shared
 * JVM each server's hot code was compiled with the type profiles of the others (the gateway measured 7,600–9,000
 * req/s alone and 6,700–7,600 after the floor had run); a process of its own is also how each runs in production. It
 * prints {@code READY <value>} once it serves and stops when its standard input closes; everything else it prints
 * goes to its log file.
 */
final class ChildJvm implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(() -> copyOutput(log), name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code BenchServer <args>} and waits until it is ready; returns it with what it announced. */
    static ChildJvm start(String name, List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(forwardedOptions());
        if (name.equals(System.getProperty("bench.jfr"))) {
            // -Dbench.jfr=gateway: a flight recording of that server from its start (attaching one to a loaded JVM
            // slowed it tenfold)
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + log.resolveSibling(name + ".jfr").toAbsolutePath());
        }
        command.add("-Dloader.main=" + BenchServer.class.getName());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            ChildJvm child = new ChildJvm(name, process, log);
            child.ready.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + " did not get ready; see " + log, e);
        }
    }

    /** The value the server announced: the broker's bootstrap servers, or a server's port. */
    String announced() {
        return ready.join();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the server's signal to stop
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** This JVM's options (GC, code cache, …) apply to the servers too; a flight recording would clash on its file. */
    private static List<String> forwardedOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-XX:StartFlightRecording") && !option.startsWith("-Dbench."))
                .toList();
    }

    private void copyOutput(Path log) {
        try (BufferedReader output =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(BenchServer.READY) && !ready.isDone()) {
                    ready.complete(line.substring(BenchServer.READY.length()).trim());
                }
                file.println(line);
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        } finally {
            ready.completeExceptionally(new IllegalStateException("the " + name + " JVM ended before it was ready"));
        }
    }
}
