package org.doorstep.register;

import static org.doorstep.register.RegisterDutyProcess.Variables.DELETION_DECISION;
import static org.doorstep.register.RegisterDutyProcess.Variables.DUTY_ID;
import static org.doorstep.register.RegisterDutyProcess.Variables.NOTES;
import static org.doorstep.register.RegisterDutyProcess.Variables.OVERTAKEN_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.workflow.Actor;
import org.springframework.stereotype.Component;

/** Records how a duty ended: overtaken by the register, or what the person who did it said and decided. */
@Component("closeRegisterDuty")
class CloseRegisterDuty implements JavaDelegate {

    private final RegisterDuties duties;

    CloseRegisterDuty(RegisterDuties duties) {
        this.duties = duties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String overtaken = OVERTAKEN_BY.get(execution);
        String outcome;
        if (overtaken != null) {
            outcome = "Closed by the register: " + overtaken;
        } else {
            String decision = DELETION_DECISION.get(execution);
            String notes = NOTES.get(execution);
            outcome = (decision == null ? "Done" : RegisterDutyProcess.DELETE.equals(decision)
                    ? "Headteacher decided to delete the name on this ground" : "Headteacher decided to keep the name on the register")
                    + (notes == null || notes.isBlank() ? "" : ": " + notes);
        }
        duties.close(DUTY_ID.require(execution), outcome, Actor.current(execution, RegisterDuties.ACTOR));
    }
}
