package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.CASE_REFERENCE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.PUPIL_ID;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.SCHOOL_ID;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.VISIT_ACTION;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.VISIT_LIST_REQUIRED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.visit.VisitService;
import org.springframework.stereotype.Component;

/**
 * Starts the linked home visit for a visit the decision found due, or, where the school's policy
 * asks for a signed weekly visit list, holds it for the list: no such visit starts unsigned.
 */
@Component("requestAbsenceVisit")
class RequestAbsenceVisit implements JavaDelegate {

    private final AbsenceCases cases;
    private final VisitService visits;
    private final VisitLists visitLists;

    RequestAbsenceVisit(AbsenceCases cases, VisitService visits, VisitLists visitLists) {
        this.cases = cases;
        this.visits = visits;
        this.visitLists = visitLists;
    }

    /**
     * Both the Day 3 and the Day 6 visit are safe-and-well visits (Burgh App. A); which rung of the
     * ladder asked for it stays on the case's action, linked to the visit's reference.
     */
    static String visitReason(TriggerAction action) {
        return VisitService.SAFE_AND_WELL;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = CASE_REFERENCE.require(execution);
        TriggerAction action = TriggerAction.valueOf(VISIT_ACTION.require(execution));
        AbsenceCases.Action due = cases.action(reference, action.keyFor(null))
                .orElseThrow(() -> new IllegalStateException("No " + action + " recorded for " + reference));
        if (Boolean.TRUE.equals(VISIT_LIST_REQUIRED.get(execution))) {
            visitLists.hold(due.id(), SCHOOL_ID.require(execution), PUPIL_ID.require(execution), visitReason(action));
        } else {
            String visitReference = visits.requestVisit(PUPIL_ID.require(execution), visitReason(action),
                    AbsenceCases.SYSTEM_ACTOR).getBusinessKey();
            cases.visitRequested(due.id(), visitReference);
        }
    }
}
