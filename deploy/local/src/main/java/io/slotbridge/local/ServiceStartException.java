package io.slotbridge.local;

import org.springframework.boot.web.server.PortInUseException;

/** A service that did not start, named, with the most telling reason found in the cause chain. */
public final class ServiceStartException extends RuntimeException {

    private final transient Service service;

    ServiceStartException(Service service, Throwable cause) {
        super(service.id() + " did not start: " + reason(cause), cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }

    /** The deepest message, which is usually the one a person can act on (a port in use, a bad tenants file…). */
    static String reason(Throwable failure) {
        Throwable root = failure;
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PortInUseException) {
                return t.getMessage() + " (choose another with --slotbridge.local.ports.<service>=…)";
            }
            root = t;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return root.getClass().getSimpleName() + ": " + message;
    }
}
