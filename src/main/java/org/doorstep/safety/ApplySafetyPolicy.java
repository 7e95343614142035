package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.ADDRESS;
import static org.doorstep.safety.StaffSafetyProcess.Variables.PEOPLE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.ARRIVAL_CALL;
import static org.doorstep.safety.StaffSafetyProcess.Variables.ARRIVAL_CALL_DUE_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.CHECK_IN_INTERVAL;
import static org.doorstep.safety.StaffSafetyProcess.Variables.CHECK_IN_REMINDER_BEFORE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.EXPECTED_ARRIVAL_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.EXPECTED_BACK_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_CHAIN;
import static org.doorstep.safety.StaffSafetyProcess.Variables.PHASE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.POLICY_VERSION;
import static org.doorstep.safety.StaffSafetyProcess.Variables.PUPIL_ID;
import static org.doorstep.safety.StaffSafetyProcess.Variables.SCHOOL_ID;
import static org.doorstep.safety.StaffSafetyProcess.Variables.SIGNED_OUT_BY;
import static org.doorstep.safety.StaffSafetyProcess.Variables.TRANSPORT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.records.AuditTrail;
import org.doorstep.safety.StaffSafetyProcess.Phase;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Copies the school's safety rules into the watch (check-in interval, reminder, the overdue chain
 * with each step's deadline, whether and by when the arrival call is due), so a running watch keeps the rules it started with, and opens the
 * watch on the office board.
 */
@Component("applySafetyPolicy")
class ApplySafetyPolicy implements JavaDelegate {

    private final PolicyProfiles profiles;
    private final SafetyWatches watches;
    private final AuditTrail audit;

    ApplySafetyPolicy(PolicyProfiles profiles, SafetyWatches watches, AuditTrail audit) {
        this.profiles = profiles;
        this.watches = watches;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PolicyProfile profile = profiles.forSchool(SCHOOL_ID.require(execution));
        PolicyProfile.Safety safety = profile.safety();
        // The visit may have shortened the interval (risk decision); never lengthened beyond policy.
        String given = CHECK_IN_INTERVAL.get(execution);
        Duration interval = given == null ? safety.checkInInterval() : Duration.parse(given);
        Duration before = safety.checkInReminderBefore();
        if (before.compareTo(interval) >= 0) {
            before = interval.dividedBy(2);
        }
        Instant now = EngineClock.now();
        Date expectedBack = EXPECTED_BACK_AT.get(execution);
        if (expectedBack == null) {
            // No expected return given at sign-out: the late-return alarm still needs one.
            expectedBack = Date.from(now.plus(profile.safety().assumedVisitLength()));
            EXPECTED_BACK_AT.set(execution, expectedBack);
        }
        POLICY_VERSION.set(execution, profile.id() + "@" + profile.version());
        CHECK_IN_INTERVAL.set(execution, interval.toString());
        CHECK_IN_REMINDER_BEFORE.set(execution, before.toString());
        OVERDUE_CHAIN.set(execution, OverdueChain.encode(safety));
        ARRIVAL_CALL.set(execution, safety.arrivalCall());
        Date expectedArrival = EXPECTED_ARRIVAL_AT.get(execution);
        ArrivalCall.expectBy(execution, expectedArrival == null ? null : expectedArrival.toInstant().plus(safety.arrivalCallGrace()));
        PHASE.set(execution, Phase.DEPARTED.name());
        boolean drill = DrillMark.isDrill(execution);
        if (drill) {
            // A drill starts where the chain starts: the arrival call is missed at once.
            ARRIVAL_CALL_DUE_AT.set(execution, Date.from(now));
        }

        String reference = VISIT_REFERENCE.require(execution);
        watches.open(reference, SCHOOL_ID.require(execution), PUPIL_ID.require(execution),
                SafetyBriefing.staffIds(execution), PEOPLE.get(execution), ADDRESS.get(execution), TRANSPORT.get(execution), now,
                expectedBack.toInstant(), interval.toString(), drill);
        String signedOutBy = SIGNED_OUT_BY.get(execution);
        audit.record(signedOutBy == null ? Actor.DOORSTEP : signedOutBy, "SAFETY_WATCH_STARTED", "visit", reference,
                DrillMark.marked(drill, "staff ") + String.join(", ", SafetyBriefing.staffIds(execution)) + "; check-in every " + interval
                        + "; expected back " + SafetyBriefing.time(expectedBack) + "; policy " + POLICY_VERSION.get(execution));
    }
}
