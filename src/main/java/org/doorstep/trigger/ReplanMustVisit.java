package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.PUPIL_ID;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.SCHOOL_ID;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.VISIT_LIST_REQUIRED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.workflow.Actor;
import org.springframework.stereotype.Component;

/** The DSL re-plans a must visit that was rejected or cancelled: it is requested again now, in the DSL's name. */
@Component("replanMustVisit")
class ReplanMustVisit implements JavaDelegate {

    private final AbsenceVisits visits;

    ReplanMustVisit(AbsenceVisits visits) {
        this.visits = visits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        visits.recordDecision(execution).ifPresent(attempt -> visits.request(attempt, SCHOOL_ID.require(execution),
                PUPIL_ID.require(execution), Boolean.TRUE.equals(VISIT_LIST_REQUIRED.get(execution)),
                Actor.current(execution, AbsenceCases.SYSTEM_ACTOR)));
    }
}
