package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.CASE_REFERENCE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.PUPIL_ID;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.SCHOOL_ID;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.VISIT_ACTION;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.VISIT_LIST_REQUIRED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the linked home visit for a visit the decision found due, or, where the school's policy
 * asks for a signed weekly visit list, holds it for the list: no such visit starts unsigned, unless
 * the policy says it must happen (see {@link AbsenceVisits#request}).
 */
@Component("requestAbsenceVisit")
class RequestAbsenceVisit implements JavaDelegate {

    private final AbsenceCases cases;
    private final AbsenceVisits visits;

    RequestAbsenceVisit(AbsenceCases cases, AbsenceVisits visits) {
        this.cases = cases;
        this.visits = visits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = CASE_REFERENCE.require(execution);
        TriggerAction action = TriggerAction.valueOf(VISIT_ACTION.require(execution));
        AbsenceCases.Action due = cases.openAttempt(reference, action)
                .orElseThrow(() -> new IllegalStateException("No " + action + " recorded for " + reference));
        visits.request(due, SCHOOL_ID.require(execution), PUPIL_ID.require(execution),
                Boolean.TRUE.equals(VISIT_LIST_REQUIRED.get(execution)), AbsenceCases.SYSTEM_ACTOR);
    }
}
