package org.doorstep.trigger;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.workflow.Actor;
import org.springframework.stereotype.Component;

/**
 * The DSL records why a must visit is not made now: the attempt ends unmet, so the next daily evaluation
 * raises the visit again while the child is still unseen (a "must" is never quietly dropped).
 */
@Component("leaveMustVisitDutyOpen")
class LeaveMustVisitDutyOpen implements JavaDelegate {

    private final AbsenceVisits visits;
    private final AbsenceCases cases;

    LeaveMustVisitDutyOpen(AbsenceVisits visits, AbsenceCases cases) {
        this.visits = visits;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        visits.recordDecision(execution).ifPresent(attempt -> cases.attemptUnmet(attempt,
                "the DSL decided not now; raised again while the child is unseen", Actor.current(execution, AbsenceCases.SYSTEM_ACTOR)));
    }
}
