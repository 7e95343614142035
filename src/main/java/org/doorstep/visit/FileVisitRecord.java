package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.AGREEMENTS;
import static org.doorstep.visit.HomeVisitProcess.Variables.AGREEMENTS_TO_CHECK;
import static org.doorstep.visit.HomeVisitProcess.Variables.AGREEMENT_CHECK_DATE;
import static org.doorstep.visit.HomeVisitProcess.Variables.CHILD_SEEN;
import static org.doorstep.visit.HomeVisitProcess.Variables.CONCERNS;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.REMINDERS_SENT;
import static org.doorstep.visit.HomeVisitProcess.Variables.SAFEGUARDING_CONCERN;
import static org.doorstep.visit.HomeVisitProcess.Variables.SAFEGUARDING_DETAILS;
import static org.doorstep.visit.HomeVisitProcess.Variables.SOCIAL_WORKER_INFORMED_BEFORE;
import static org.doorstep.visit.HomeVisitProcess.Variables.TELL_CLASS_TEACHER;
import static org.doorstep.visit.HomeVisitProcess.Variables.TELL_DSL;
import static org.doorstep.visit.HomeVisitProcess.Variables.TELL_SENCO;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_OUTCOME;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.doorstep.workflow.FormValidationException;
import org.doorstep.workflow.ProcessVariable;
import org.doorstep.workflow.SensitiveVariables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Files the visit record as notes (Burgh 10: outcomes recorded and shared with the DSL, SENCO and class
 * teacher; Thames View 4.1: agreements recorded). The safeguarding text is moved into
 * records.VisitNotes as SAFEGUARDING and removed from the process (history never receives it: it is
 * declared sensitive here), so that it is only ever read through the audited, need-to-know notes.
 */
@Component("fileVisitRecord")
class FileVisitRecord implements JavaDelegate, SensitiveVariables {

    private final VisitNotes notes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    FileVisitRecord(VisitNotes notes, AuditTrail audit, ApplicationEventPublisher events) {
        this.events = events;
        this.notes = notes;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = VISIT_REFERENCE.require(execution);
        String author = Actor.current(execution);
        String agreementsMade = AGREEMENTS.get(execution);
        String checkOn = AGREEMENT_CHECK_DATE.get(execution);
        if (agreementsMade != null && !agreementsMade.isBlank() && (checkOn == null || checkOn.isBlank())) {
            // Runs in the same transaction as the completion of the record task: refusing here keeps it open.
            throw new FormValidationException("Record the visit", List.of("Check the agreements on ("
                    + AGREEMENT_CHECK_DATE.name() + ") is required when agreements were made"));
        }
        notes.add(reference, NoteKind.OUTCOME, VISIT_OUTCOME.require(execution), author);
        if ("yes".equals(CHILD_SEEN.get(execution))) {
            events.publishEvent(new ChildSeenOnVisit(reference, PUPIL_ID.require(execution),
                    EngineClock.now(), author));
        }
        String agreements = AGREEMENTS.get(execution);
        if (agreements != null && !agreements.isBlank()) {
            notes.add(reference, NoteKind.AGREEMENT, agreements, author);
        }
        List<String> tell = new ArrayList<>();
        boolean concern = Boolean.TRUE.equals(SAFEGUARDING_CONCERN.get(execution));
        if (concern || Boolean.TRUE.equals(TELL_DSL.get(execution))) {
            tell.add("DSL");
        }
        if (Boolean.TRUE.equals(TELL_SENCO.get(execution))) {
            tell.add("SENCO");
        }
        if (Boolean.TRUE.equals(TELL_CLASS_TEACHER.get(execution))) {
            tell.add("class teacher");
        }
        String concerns = CONCERNS.get(execution);
        if ((concerns != null && !concerns.isBlank()) || !tell.isEmpty()) {
            notes.add(reference, NoteKind.CONCERN, (concerns == null || concerns.isBlank() ? "No other concerns." : concerns)
                    + (tell.isEmpty() ? "" : " To be told: " + String.join(", ", tell) + "."), author);
        }
        String details = SAFEGUARDING_DETAILS.get(execution);
        if (details != null && !details.isBlank()) {
            notes.add(reference, NoteKind.SAFEGUARDING, details, author);
            audit.record(author, "SAFEGUARDING_CONCERN_RAISED", "visit", reference, null);
        }
        // Gone from the process here; its history only ever received a marker (workflow.SensitiveHistory).
        execution.removeVariable(SAFEGUARDING_DETAILS.name());
        SAFEGUARDING_CONCERN.set(execution, concern);
        String checkDate = AGREEMENT_CHECK_DATE.get(execution);
        AGREEMENTS_TO_CHECK.set(execution, checkDate != null && !checkDate.isBlank());
        REMINDERS_SENT.set(execution, 0L);
        if (SOCIAL_WORKER_INFORMED_BEFORE.get(execution) == null) {
            SOCIAL_WORKER_INFORMED_BEFORE.set(execution, false);
        }
    }

    @Override
    public Collection<ProcessVariable<?>> sensitiveVariables() {
        return HomeVisitProcess.Variables.SAFEGUARDING_TEXT;
    }
}
