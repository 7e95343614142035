package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.EMERGENCY_NOTE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.EMERGENCY_RAISED_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.POLICE_REFERENCE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/** The staff are back at school, or an emergency was handed to the police: the watch ends. */
@Component("closeSafetyWatch")
class CloseSafetyWatch implements JavaDelegate {

    private final SafetyWatches watches;
    private final AuditTrail audit;
    private final IdentityService identityService;

    CloseSafetyWatch(SafetyWatches watches, AuditTrail audit, IdentityService identityService) {
        this.identityService = identityService;
        this.watches = watches;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = VISIT_REFERENCE.require(execution);
        watches.close(reference, EngineClock.now());
        if (EMERGENCY_RAISED_AT.get(execution) != null) {
            audit.record(Actor.current(identityService, "office"), "EMERGENCY_HANDED_TO_POLICE", "visit", reference,
                    "police reference " + POLICE_REFERENCE.get(execution) + ": " + EMERGENCY_NOTE.get(execution));
        }
        audit.record(Actor.DOORSTEP, "SAFETY_WATCH_CLOSED", "visit", reference, null);
    }
}
