package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Whenever a watch ends other than through its own end events (an administrator cancels it in
 * Cockpit, say), its row leaves the office board too, and the time line says so.
 */
@Component("closeWatchOnEnd")
class CloseWatchOnEnd implements ExecutionListener {

    private final SafetyWatches watches;
    private final AuditTrail audit;

    CloseWatchOnEnd(SafetyWatches watches, AuditTrail audit) {
        this.watches = watches;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String reference = VISIT_REFERENCE.get(execution);
        if (reference == null) {
            return;
        }
        watches.find(reference).filter(watch -> !watch.ended()).ifPresent(watch -> {
            watches.close(reference, EngineClock.now());
            audit.record(Actor.DOORSTEP, "SAFETY_WATCH_CANCELLED", "visit", reference, execution.getCurrentActivityName());
        });
    }
}
