package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.CHECK_IN_REMINDER_BEFORE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.Actor;
import org.springframework.stereotype.Component;

/** Shortly before a check-in is due, a text to the visiting staff. */
@Component("sendCheckInReminder")
class SendCheckInReminder implements JavaDelegate {

    private final SafetyNotifier notifier;
    private final AuditTrail audit;

    SendCheckInReminder(SafetyNotifier notifier, AuditTrail audit) {
        this.notifier = notifier;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = VISIT_REFERENCE.require(execution);
        long minutes = Duration.parse(CHECK_IN_REMINDER_BEFORE.require(execution)).toMinutes();
        notifier.textStaff(execution, SafetyBriefing.staffIds(execution), "Doorstep " + reference + ": your check-in is due in "
                + (minutes < 1 ? "less than a minute" : minutes + " min") + ". Press I'm OK or call the office.");
        audit.record(Actor.DOORSTEP, "CHECK_IN_REMINDER_SENT", "visit", reference, null);
    }
}
