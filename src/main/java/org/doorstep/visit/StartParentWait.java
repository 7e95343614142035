package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.ANNOUNCED;
import static org.doorstep.visit.HomeVisitProcess.Variables.APPOINTMENT_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.LATE_PARENT_WAIT_ENDS_AT;
import static org.doorstep.visit.HomeVisitProcess.Variables.LATE_PARENT_WAIT_ENDS_AT_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.PARENT_WAIT_ENDS_AT;
import static org.doorstep.visit.HomeVisitProcess.Variables.PARENT_WAIT_ENDS_AT_TIME;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * When staff report arrival: fixes the moments the two waits at the door end, which the timers and
 * the wait forms read. The policies time both waits from the arranged time, not from when staff
 * happen to arrive: Thames View 3.4 waits up to 20 minutes "at the arranged time" (staff who are early
 * never cancel before it), 3.5 cancels a parent who phoned to say they are late once they are "over
 * 30 minutes late", however late the call came, and Lynnfield 4 waits "no longer than 10 minutes" in
 * all (its late limit equals its wait, so a late call adds nothing). An unannounced visit has no
 * arranged time and times from arrival; so do staff who arrive after it, who cannot have seen
 * whether the parent was there when arranged, and the late wait never ends before the first one.
 */
@Component("startParentWait")
class StartParentWait implements ExecutionListener {

    private final VisitRules rules;

    StartParentWait(VisitRules rules) {
        this.rules = rules;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Instant arrival = EngineClock.now();
        Instant arranged = Boolean.FALSE.equals(ANNOUNCED.get(execution))
                ? arrival
                : VisitTimes.parse(APPOINTMENT_TIME.get(execution)).orElse(arrival);
        VisitRules.Rules visitRules = rules.of(execution);
        WaitEnds ends = WaitEnds.of(arranged, arrival, visitRules.parentWait(), visitRules.lateParentLimit());
        PARENT_WAIT_ENDS_AT.set(execution, Date.from(ends.parentWait()));
        PARENT_WAIT_ENDS_AT_TIME.set(execution, clockTime(ends.parentWait()));
        LATE_PARENT_WAIT_ENDS_AT.set(execution, Date.from(ends.lateParentWait()));
        LATE_PARENT_WAIT_ENDS_AT_TIME.set(execution, clockTime(ends.lateParentWait()));
    }

    /** The rule itself: {@code arranged} is the arrival for an unannounced visit. */
    record WaitEnds(Instant parentWait, Instant lateParentWait) {

        static WaitEnds of(Instant arranged, Instant arrival, Duration wait, Duration lateLimit) {
            Instant waitEnds = later(arranged, arrival).plus(wait);
            return new WaitEnds(waitEnds, later(arranged.plus(lateLimit), waitEnds));
        }
    }

    /** As staff read it on their watch: the school's wall clock. */
    static String clockTime(Instant moment) {
        return LocalTime.ofInstant(moment, EngineClock.SCHOOL_ZONE).format(VisitTimes.TIME);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
