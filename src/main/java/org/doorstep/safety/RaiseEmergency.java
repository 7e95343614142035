package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.BRIEFING;
import static org.doorstep.safety.StaffSafetyProcess.Variables.EMERGENCY_RAISED_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.records.AuditTrail;
import org.doorstep.security.Roles;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/** Emergency: the board turns red, senior leaders and the office are alerted by email and text. */
@Component("raiseEmergency")
class RaiseEmergency implements JavaDelegate {

    static final String ALERT = "EMERGENCY";

    private final SafetyWatches watches;
    private final SafetyBriefing briefing;
    private final SafetyNotifier notifier;
    private final AuditTrail audit;

    RaiseEmergency(SafetyWatches watches, SafetyBriefing briefing, SafetyNotifier notifier, AuditTrail audit) {
        this.watches = watches;
        this.briefing = briefing;
        this.notifier = notifier;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = VISIT_REFERENCE.require(execution);
        EMERGENCY_RAISED_AT.set(execution, Date.from(EngineClock.now()));
        String text = briefing.write(execution, "EMERGENCY raised by the visiting staff on " + reference
                + ". Call the police (999) now.");
        BRIEFING.set(execution, text);
        watches.alert(reference, ALERT, null);
        watches.nextCheckInDue(reference, null); // the check-in clock stops: the police task is what counts now
        audit.record(Actor.DOORSTEP, "STAFF_EMERGENCY_ALERTED", "visit", reference, "police task created; senior leaders alerted");
        notifier.alertGroups(execution, List.of(Roles.SENIOR_LEADERS, Roles.OFFICE), "Doorstep EMERGENCY: " + reference, text, true);
    }
}
