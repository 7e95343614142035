package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.CHECK_IN_INTERVAL;
import static org.doorstep.safety.StaffSafetyProcess.Variables.CHECK_IN_REMINDER_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.CHECK_IN_REMINDER_BEFORE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.NEXT_CHECK_IN_DUE_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.CHECK_IN_TYPE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.LAST_CHECK_IN_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.LAST_CHECK_IN_TYPE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.PHASE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.safety.StaffSafetyProcess.Phase;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Moves the watch on after a check-in: arrival starts the check-in clock, leaving stops it, back at
 * school ends the watch. The check-in itself (who, when) is recorded by {@link CheckIns}.
 */
@Component("recordCheckIn")
class RecordCheckIn implements JavaDelegate {

    private final SafetyWatches watches;

    RecordCheckIn(SafetyWatches watches) {
        this.watches = watches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CheckInType type = CheckInType.valueOf(CHECK_IN_TYPE.require(execution));
        Phase phase = Phase.valueOf(PHASE.require(execution));
        phase = switch (type) {
            case ARRIVED -> Phase.AT_ADDRESS;
            case LEAVING, WITHDREW_UNSAFE, TURNED_BACK -> Phase.RETURNING;
            case BACK -> Phase.BACK;
            case OK, EMERGENCY -> phase;
        };
        Instant now = EngineClock.now();
        PHASE.set(execution, phase.name());
        LAST_CHECK_IN_AT.set(execution, Date.from(now));
        LAST_CHECK_IN_TYPE.set(execution, type.name());
        Instant nextDue = phase == Phase.AT_ADDRESS ? startClock(execution, now) : null;
        watches.checkedIn(VISIT_REFERENCE.require(execution), phase, type.name(), now, nextDue);
    }

    /**
     * Sets the next check-in's due time (and its reminder) from {@code from}. The timers wait for
     * these fixed moments, so a late-firing reminder never pushes the check-in's due time back.
     */
    static Instant startClock(DelegateExecution execution, Instant from) {
        Instant due = from.plus(Duration.parse(CHECK_IN_INTERVAL.require(execution)));
        NEXT_CHECK_IN_DUE_AT.set(execution, Date.from(due));
        CHECK_IN_REMINDER_AT.set(execution, Date.from(due.minus(Duration.parse(CHECK_IN_REMINDER_BEFORE.require(execution)))));
        return due;
    }
}
