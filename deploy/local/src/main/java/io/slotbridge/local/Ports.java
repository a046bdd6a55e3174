package io.slotbridge.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP ports ({@code --slotbridge.local.ports.<service>=…}); the defaults are DESIGN §8's and docs/engineering.md's.
 * Tests take {@link #free()} ports so they never collide with a launcher someone runs on the same machine.
 */
public record Ports(
        @DefaultValue("8070") int sandbox,
        @DefaultValue("8080") int gateway,
        @DefaultValue("8081") int crmConnector,
        @DefaultValue("8082") int calendarConnector,
        @DefaultValue("8083") int sync,
        @DefaultValue("8084") int followup,
        @DefaultValue("8090") int console) {

    public static Ports defaults() {
        return new Ports(8070, 8080, 8081, 8082, 8083, 8084, 8090);
    }

    /** Ports the operating system reports free right now (the sandbox needs its own URL before it starts). */
    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
    }

    public int of(Service service) {
        return switch (service) {
            case SANDBOX -> sandbox;
            case GATEWAY -> gateway;
            case CRM_CONNECTOR -> crmConnector;
            case CALENDAR_CONNECTOR -> calendarConnector;
            case SYNC -> sync;
            case FOLLOWUP -> followup;
            case CONSOLE -> console;
        };
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
