package org.doorstep.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.doorstep.safety.StaffSafetyProcess;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the engine at each scrape: whether staff-safety steps are piling up and whether the
 * job executor keeps up with what is due (a late job is a late alert).
 */
@Component
class EngineMetrics implements MeterBinder {

    static final String OVERDUE_STEPS_OPEN = "doorstep.safety.overdue.steps.open";
    static final String JOBS_DUE = "doorstep.jobs.due";
    static final String JOBS_LATE = "doorstep.jobs.late";
    /** A due job not started after this long is late: the executor polls at most every second. */
    static final long LATE_AFTER_MILLIS = 5_000;

    private final TaskService tasks;
    private final ManagementService management;

    EngineMetrics(TaskService tasks, ManagementService management) {
        this.tasks = tasks;
        this.management = management;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(OVERDUE_STEPS_OPEN, this, EngineMetrics::openOverdueSteps)
                .description("Open staff-safety steps (overdue chain and emergency) waiting for the office or leaders")
                .register(registry);
        Gauge.builder(JOBS_DUE, this, EngineMetrics::jobsDue)
                .description("Jobs (timers, alerts, retries) due now and not yet run").register(registry);
        Gauge.builder(JOBS_LATE, this, EngineMetrics::jobsLate)
                .description("Jobs due more than 5 seconds ago and not yet run").register(registry);
    }

    private double openOverdueSteps() {
        return tasks.createTaskQuery().processDefinitionKey(StaffSafetyProcess.KEY).active().count();
    }

    private double jobsDue() {
        return management.createJobQuery().executable().count();
    }

    private double jobsLate() {
        return management.createJobQuery().executable()
                .duedateLowerThan(Date.from(EngineClock.now().minusMillis(LATE_AFTER_MILLIS))).count();
    }
}
