package io.slotbridge.sync.config;

import java.util.List;

/** The tenants file cannot drive the rules; the message lists every problem with its tenant and key. */
public class TenantConfigurationException extends RuntimeException {

    private final List<String> problems;

    public TenantConfigurationException(List<String> problems) {
        super("the tenants file has " + problems.size() + " problem(s) for sync:\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
