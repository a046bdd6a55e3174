package io.slotbridge.sync.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad tenants file into a startup report that lists each problem instead of a bean-creation stack. */
public class TenantConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<TenantConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TenantConfigurationException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the tenants file (SLOTBRIDGE_TENANT_CONFIG; shape in docs/tenant-configuration.md) and restart.",
                cause);
    }
}
