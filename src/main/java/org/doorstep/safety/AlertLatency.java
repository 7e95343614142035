package org.doorstep.safety;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * {@code doorstep.alert.latency}: how late an overdue alert is, from the moment its timer fell due
 * (a missed check-in, the expected return, a step's deadline) to the alert task being created. Taken
 * from the timer job the engine is executing, so it covers acquisition, queueing, a node's death and
 * retries alike; steps started by a person ("no contact") run in no timer job and are not timed.
 */
@Component
class AlertLatency {

    private final MeterRegistry meters;

    AlertLatency(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Called in the transaction that creates the step's task, at the engine's current time. */
    void record(String action) {
        CommandContext command = Context.getCommandContext();
        JobEntity job = command == null ? null : command.getCurrentJob();
        if (job instanceof TimerEntity && job.getDuedate() != null) {
            Duration late = Duration.between(job.getDuedate().toInstant(), EngineClock.now());
            Timer.builder("doorstep.alert.latency")
                    .description("From an overdue timer's due moment to its alert task")
                    .tag("step", action)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(late.isNegative() ? Duration.ZERO : late);
        }
    }
}
