package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.CAUSE_FOR_CONCERN;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_ACTION;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_NOTE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_OUTCOME;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STAFF_SAFE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_DONE_BY;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.Actor;
import org.springframework.stereotype.Component;

/**
 * Records who completed an overdue step, whether contact was made and whether there is cause for
 * concern, on the visit's time line; derives whether the staff are safe (contact made, no cause for
 * concern), which alone closes the chain.
 */
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
        boolean contactMade = StaffSafetyProcess.Outcomes.SAFE.equals(OVERDUE_OUTCOME.get(task));
        boolean concern = Boolean.TRUE.equals(CAUSE_FOR_CONCERN.get(task));
        OVERDUE_STEP_DONE_BY.set(task.getExecution(), by);
        CAUSE_FOR_CONCERN.set(task.getExecution(), concern);
        OVERDUE_STAFF_SAFE.set(task.getExecution(), contactMade && !concern);
        String note = OVERDUE_NOTE.get(task);
        audit.record(by, !contactMade ? "OVERDUE_NO_CONTACT" : concern ? "OVERDUE_CAUSE_FOR_CONCERN" : "OVERDUE_STAFF_SAFE",
                "visit", VISIT_REFERENCE.require(task), OVERDUE_ACTION.get(task) + (concern ? " (cause for concern)" : "")
                        + (note == null || note.isBlank() ? "" : ": " + note));
    }
}
