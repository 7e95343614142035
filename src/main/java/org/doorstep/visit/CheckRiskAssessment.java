package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.ESCALATE_FOR_SENIOR_DECISION;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doorstep.workflow.FormValidationException;
import org.springframework.stereotype.Component;

/**
 * The assessor's "reasonable doubt" escalation is accepted only where the school's policy offers it
 * (riskAssessment.assessorMayEscalate, Burgh 7); elsewhere the form does not show the field, and a
 * value sent anyway (through the REST API) is refused rather than silently changing the decision.
 */
@Component("checkRiskAssessment")
class CheckRiskAssessment implements TaskListener {

    private final VisitRules rules;

    CheckRiskAssessment(VisitRules rules) {
        this.rules = rules;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Boolean.TRUE.equals(ESCALATE_FOR_SENIOR_DECISION.get(task)) && !rules.of(task).assessorMayEscalate()) {
            throw new FormValidationException(task.getName(), List.of("Escalate to the senior decision ("
                    + ESCALATE_FOR_SENIOR_DECISION.name() + "): the school's policy does not offer this escalation"));
        }
    }
}
