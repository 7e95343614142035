package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.AMENDMENT_NOTE;
import static org.doorstep.visit.HomeVisitProcess.Variables.ANNOUNCED;
import static org.doorstep.visit.HomeVisitProcess.Variables.ENTRY_WITHOUT_PARENT_ALLOWED;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.SAFEGUARDING_INVOLVED;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.FormValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The request was amended at the headteacher's asking: the visit record takes the new reason, and
 * whether the DSL must authorise too (Burgh 5) and whether the parent's absence cancels the visit
 * (Thomas More) are decided again.
 */
@Component("amendVisitRequest")
class AmendVisitRequest implements TaskListener {

    private final SchoolDirectory directory;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final VisitRules rules;

    AmendVisitRequest(SchoolDirectory directory, JdbcClient jdbc, AuditTrail audit, VisitRules rules) {
        this.rules = rules;
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        String reason = REASON.require(task);
        if (!VisitService.REASONS.contains(reason)) {
            throw new FormValidationException(task.getName(), java.util.List.of(
                    "Reason for the visit (" + REASON.name() + ") must be one of " + VisitService.REASONS));
        }
        // Thames View 2.6: an amendment may not turn a visit that needs an appointment into an unannounced one.
        VisitRules.Rules visitRules = rules.of(task);
        if (Boolean.FALSE.equals(ANNOUNCED.get(task)) && visitRules.appointmentRule() == PolicyProfile.Appointment.REQUIRED) {
            throw new FormValidationException(task.getName(), java.util.List.of("Announced visit (" + ANNOUNCED.name()
                    + ") must stay ticked: this school's policy (visit.appointment: REQUIRED) needs an appointment made with the parent or carer"));
        }
        String reference = VISIT_REFERENCE.require(task);
        SAFEGUARDING_INVOLVED.set(task, VisitService.SAFEGUARDING.equals(reason)
                || directory.requirePupil(PUPIL_ID.require(task)).knownToSocialCare());
        ENTRY_WITHOUT_PARENT_ALLOWED.set(task, visitRules.entryWithoutParentFor(reason));
        jdbc.sql("UPDATE visit SET reason = ? WHERE reference = ?").params(reason, reference).update();
        audit.record(task.getAssignee() == null ? Actor.DOORSTEP : task.getAssignee(), "VISIT_AMENDED", "visit", reference,
                AMENDMENT_NOTE.get(task));
    }
}
