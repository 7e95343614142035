package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_ACTION;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_NOTE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_OUTCOME;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_DONE_BY;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.Actor;
import org.springframework.stereotype.Component;

/** Records who completed an overdue step and what they found, on the visit's time line. */
@Component("recordOverdueStepOutcome")
class RecordOverdueStepOutcome implements TaskListener {

    private final IdentityService identityService;
    private final AuditTrail audit;

    RecordOverdueStepOutcome(IdentityService identityService, AuditTrail audit) {
        this.identityService = identityService;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        String by = Actor.current(identityService, task.getAssignee() != null ? task.getAssignee() : "unknown");
        String outcome = OVERDUE_OUTCOME.get(task);
        OVERDUE_STEP_DONE_BY.set(task.getExecution(), by);
        String note = OVERDUE_NOTE.get(task);
        audit.record(by, StaffSafetyProcess.Outcomes.SAFE.equals(outcome) ? "OVERDUE_STAFF_SAFE" : "OVERDUE_NO_CONTACT",
                "visit", VISIT_REFERENCE.require(task), OVERDUE_ACTION.get(task) + (note == null || note.isBlank() ? "" : ": " + note));
    }
}
