package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_REASON;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_INDEX;
import static org.doorstep.safety.StaffSafetyProcess.Variables.REASON_FOUND;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.records.AuditTrail;
import org.doorstep.safety.StaffSafetyProcess.OverdueReason;
import org.doorstep.workflow.Actor;
import org.springframework.stereotype.Component;

/** A check-in or the arrival call was missed, or the expected return passed: the chain starts from its first step. */
@Component("startOverdueChain")
class StartOverdueChain implements JavaDelegate {

    private final SafetyWatches watches;
    private final AuditTrail audit;

    StartOverdueChain(SafetyWatches watches, AuditTrail audit) {
        this.watches = watches;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OverdueReason reason = OverdueReason.valueOf(REASON_FOUND.require(execution));
        String reference = VISIT_REFERENCE.require(execution);
        OVERDUE_REASON.set(execution, reason.name());
        OVERDUE_STEP_INDEX.set(execution, -1);
        watches.alert(reference, reason.name(), null);
        audit.record(Actor.DOORSTEP, "STAFF_OVERDUE", "visit", reference, reason.audit());
    }
}
