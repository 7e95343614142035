package org.doorstep.trigger;

import static org.doorstep.trigger.WeeklyVisitListProcess.Variables.VISIT_LIST_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.workflow.Actor;
import org.springframework.stereotype.Component;

/** The list is signed: every visit on it starts now, requested in the signer's name. */
@Component("releaseVisitList")
class ReleaseVisitList implements JavaDelegate {

    private final VisitLists visitLists;

    ReleaseVisitList(VisitLists visitLists) {
        this.visitLists = visitLists;
    }

    @Override
    public void execute(DelegateExecution execution) {
        visitLists.release(VISIT_LIST_REFERENCE.require(execution), Actor.current(execution, AbsenceCases.SYSTEM_ACTOR));
    }
}
