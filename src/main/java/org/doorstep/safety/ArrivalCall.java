package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.ARRIVAL_CALL;
import static org.doorstep.safety.StaffSafetyProcess.Variables.ARRIVAL_CALL_DUE_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.CHECK_IN_INTERVAL;
import static org.doorstep.safety.StaffSafetyProcess.Variables.EXPECTED_BACK_AT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Until when the watch on the way waits for "Arrived" (the timer {@code Event_ArrivalCallDue}). Where
 * the policy asks for an arrival call (safety.arrivalCall: Thames View 2.4, Lynnfield 3, Burgh 7) it is
 * the appointment, or the planned arrival, plus the policy's grace. Where it asks for none, or the plan
 * gave no time, the timer waits one check-in interval past the expected return, so the late-return
 * alarm (which ends the wait on the way) is the only one that rings.
 */
final class ArrivalCall {

    static void expectBy(DelegateExecution execution, Instant askedBy) {
        Instant due = Boolean.TRUE.equals(ARRIVAL_CALL.get(execution)) && askedBy != null ? askedBy
                : EXPECTED_BACK_AT.require(execution).toInstant().plus(Duration.parse(CHECK_IN_INTERVAL.require(execution)));
        ARRIVAL_CALL_DUE_AT.set(execution, Date.from(due));
    }

    private ArrivalCall() {
    }
}
