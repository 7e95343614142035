package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.ARRIVAL_CALL_DUE_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.CHECK_IN_INTERVAL;
import static org.doorstep.safety.StaffSafetyProcess.Variables.EXPECTED_BACK_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.LAST_CHECK_IN_TYPE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.NEXT_CHECK_IN_DUE_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_OUTCOME;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STAFF_SAFE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.CAUSE_FOR_CONCERN;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_DONE_BY;
import static org.doorstep.safety.StaffSafetyProcess.Variables.PHASE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.records.AuditTrail;
import org.doorstep.safety.StaffSafetyProcess.Phase;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * The chain is over: the staff are safe (the office spoke to them, or they checked in themselves),
 * or the office recorded what it found and no further step's condition holds for it (Thomas More:
 * no answer but no cause for concern, so no police). The alert is cleared and the watch goes on. If the expected return had passed, the staff are expected back
 * within one check-in interval from now, or the chain starts again.
 */
@Component("closeOverdueChain")
class CloseOverdueChain implements JavaDelegate {

    private final SafetyWatches watches;
    private final AuditTrail audit;

    CloseOverdueChain(SafetyWatches watches, AuditTrail audit) {
        this.watches = watches;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = VISIT_REFERENCE.require(execution);
        String outcome = OVERDUE_OUTCOME.get(execution);
        boolean officeEnded = outcome != null;
        String actor = officeEnded ? OVERDUE_STEP_DONE_BY.get(execution) : "visiting staff";
        String how = !officeEnded
                ? "closed by the staff's own check-in (" + CheckInType.valueOf(LAST_CHECK_IN_TYPE.require(execution)).label() + ")"
                : Boolean.TRUE.equals(OVERDUE_STAFF_SAFE.get(execution)) ? "resolved by the office: they are safe"
                : "ended by the office: " + (StaffSafetyProcess.Outcomes.SAFE.equals(outcome) ? "contact made" : "no contact")
                        + (Boolean.TRUE.equals(CAUSE_FOR_CONCERN.get(execution)) ? " and cause for concern" : ", no cause for concern")
                        + ", and the policy takes no further step for that";
        execution.removeVariable(OVERDUE_OUTCOME.name());
        execution.removeVariable(CAUSE_FOR_CONCERN.name());
        execution.removeVariable(OVERDUE_STAFF_SAFE.name());
        Instant now = EngineClock.now();
        Date expectedBack = EXPECTED_BACK_AT.require(execution);
        if (!expectedBack.toInstant().isAfter(now) && Phase.valueOf(PHASE.require(execution)) != Phase.BACK) {
            Instant extended = now.plus(Duration.parse(CHECK_IN_INTERVAL.require(execution)));
            EXPECTED_BACK_AT.set(execution, Date.from(extended));
            watches.expectedBack(reference, extended);
            how += "; now expected back by " + SafetyBriefing.time(Date.from(extended));
        }
        if (Phase.valueOf(PHASE.require(execution)) == Phase.DEPARTED) {
            // Spoke to them on the way: the arrival call is expected within one more check-in interval.
            Instant again = now.plus(Duration.parse(CHECK_IN_INTERVAL.require(execution)));
            Instant due = ARRIVAL_CALL_DUE_AT.require(execution).toInstant();
            ArrivalCall.expectBy(execution, due.isAfter(again) ? due : again);
        }
        if (Phase.valueOf(PHASE.require(execution)) == Phase.AT_ADDRESS && !NEXT_CHECK_IN_DUE_AT.require(execution).toInstant().isAfter(now)) {
            // Spoke to them at the address: the check-in clock starts again from now.
            Instant due = RecordCheckIn.startClock(execution, now);
            watches.nextCheckInDue(reference, due);
        }
        watches.alert(reference, null, null);
        audit.record(actor == null ? "unknown" : actor, "OVERDUE_CHAIN_CLOSED", "visit", reference, how);
    }
}
