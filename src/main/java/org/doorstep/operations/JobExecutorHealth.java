package org.doorstep.operations;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness: every timer and every safety alert runs on Camunda's job executor, so a node whose executor
 * should run but does not is not ready. A node configured without one (tests, a web-only node) is up.
 */
@Component("jobExecutor")
class JobExecutorHealth implements HealthIndicator {

    private final ProcessEngineConfigurationImpl engine;
    private final boolean enabled;

    JobExecutorHealth(ProcessEngineConfigurationImpl engine,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        this.engine = engine;
        this.enabled = enabled;
    }

    @Override
    public Health health() {
        JobExecutor executor = engine.getJobExecutor();
        if (!enabled) {
            return Health.up().withDetail("enabled", false).build();
        }
        boolean active = executor != null && executor.isActive();
        return (active ? Health.up() : Health.down()).withDetail("enabled", true).withDetail("active", active).build();
    }
}
