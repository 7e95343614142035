package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.ADULT_PRESENT_AND_INVITES;
import static org.doorstep.visit.HomeVisitProcess.Variables.ANIMALS_SECURED;
import static org.doorstep.visit.HomeVisitProcess.Variables.CANCELLATION_REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.CONCERN_AT_DOOR;
import static org.doorstep.visit.HomeVisitProcess.Variables.ENTRY_NOTE;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOBODY_ANSWERED;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_DOCUMENT_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_POSTED;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOT_ONLY_CHILD_AT_HOME;
import static org.doorstep.visit.HomeVisitProcess.Variables.STAFF_FEEL_SAFE;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.Documents;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * A visit is cancelled: the reason is recorded and reported in writing to the authoriser (Thames View
 * 3.8-3.9, Lynnfield 4); the report reaches them as the next task, for the groups the policy names.
 * What staff saw of a child at risk is not part of it: that went to the DSL (FileConcernAtDoor).
 */
@Component("recordCancellation")
class RecordCancellation implements JavaDelegate {

    private final VisitNotes notes;
    private final AuditTrail audit;
    private final Documents documents;

    private final VisitRules rules;

    RecordCancellation(VisitNotes notes, AuditTrail audit, Documents documents, VisitRules rules) {
        this.rules = rules;
        this.notes = notes;
        this.audit = audit;
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason;
        if (Boolean.TRUE.equals(NOBODY_ANSWERED.get(execution))) {
            reason = CANCELLATION_REASON.require(execution);
        } else {
            NOBODY_ANSWERED.set(execution, false);
            List<String> reasons = new ArrayList<>();
            no(execution, ADULT_PRESENT_AND_INVITES, "no responsible adult was present to invite staff in", reasons);
            no(execution, NOT_ONLY_CHILD_AT_HOME, "only a child was at home", reasons);
            no(execution, ANIMALS_SECURED, "animals were not shut away", reasons);
            no(execution, STAFF_FEEL_SAFE, "staff did not feel safe", reasons);
            if ("yes".equals(CONCERN_AT_DOOR.get(execution))) {
                reasons.add("staff saw a safeguarding concern at the door (reported to the safeguarding lead)");
            }
            String note = ENTRY_NOTE.get(execution);
            reason = "Staff did not go in: " + String.join("; ", reasons) + "."
                    + (note == null || note.isBlank() ? "" : " " + note);
        }
        String reference = VISIT_REFERENCE.require(execution);
        String actor = Actor.current(execution);
        if (Boolean.TRUE.equals(NOTICE_POSTED.get(execution))) {
            reason += " The school's notice was posted through the door.";
            // staff posted it themselves: it is no longer waiting on the office's home page
            documents.markPosted(NOTICE_DOCUMENT_ID.require(execution), actor);
        }
        CANCELLATION_REASON.set(execution, reason);
        notes.add(reference, NoteKind.CANCELLATION, reason, actor);
        audit.record(actor, "CANCELLATION_REPORTED", "visit", reference, "to " + rules.of(execution).cancellationReportedTo());
    }

    private static void no(DelegateExecution execution, ProcessVariable<String> answer, String meaning, List<String> reasons) {
        if (!"yes".equals(answer.get(execution))) {
            reasons.add(meaning);
        }
    }
}
