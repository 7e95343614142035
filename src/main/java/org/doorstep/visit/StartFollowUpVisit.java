package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.ANNOUNCED;
import static org.doorstep.visit.HomeVisitProcess.Variables.FOLLOW_UP_VISIT_REFERENCE;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAS_SOCIAL_WORKER;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.workflow.Actor;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Agreements kept failing after a reminder (Thames View 4.3): a new visit, linked to this one, is requested. */
@Component("startFollowUpVisit")
class StartFollowUpVisit implements JavaDelegate {

    private final VisitService visits;

    StartFollowUpVisit(@Lazy VisitService visits) {
        this.visits = visits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessInstance followUp = visits.requestVisit(new VisitService.VisitRequest(PUPIL_ID.require(execution),
                REASON.require(execution), Actor.current(execution), HAS_SOCIAL_WORKER.get(execution),
                ANNOUNCED.get(execution), VISIT_REFERENCE.require(execution)));
        FOLLOW_UP_VISIT_REFERENCE.set(execution, followUp.getBusinessKey());
    }
}
