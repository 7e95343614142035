package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.CASE_REFERENCE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.CLOSE_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("closeAbsenceCase")
class CloseAbsenceCase implements JavaDelegate {

    private final AbsenceCases cases;

    CloseAbsenceCase(AbsenceCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = CLOSE_REASON.get(execution);
        cases.close(CASE_REFERENCE.require(execution), reason == null ? "child seen" : reason);
    }
}
