package org.doorstep.trigger;

import static org.doorstep.trigger.WeeklyVisitListProcess.Variables.COMMENT;
import static org.doorstep.trigger.WeeklyVisitListProcess.Variables.VISIT_LIST_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.workflow.Actor;
import org.springframework.stereotype.Component;

/** The list came back unsigned: its visits stay held, for the next list. */
@Component("returnVisitList")
class ReturnVisitList implements JavaDelegate {

    private final VisitLists visitLists;

    ReturnVisitList(VisitLists visitLists) {
        this.visitLists = visitLists;
    }

    @Override
    public void execute(DelegateExecution execution) {
        visitLists.returnUnsigned(VISIT_LIST_REFERENCE.require(execution), Actor.current(execution, AbsenceCases.SYSTEM_ACTOR), COMMENT.get(execution));
    }
}
