package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.ADULT_PRESENT_AND_INVITES;
import static org.doorstep.visit.HomeVisitProcess.Variables.CANCELLATION_REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_KIND;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.LATE_PARENT_WAIT_ENDS_AT_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.LEAD_VISITOR;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOBODY_ANSWERED;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_DOCUMENT_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.PARENT_ARRIVAL;
import static org.doorstep.visit.HomeVisitProcess.Variables.PARENT_WAIT_ENDS_AT_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_ADDRESS;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.records.Documents;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.Staff;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Produces the policy's notice (Burgh Appendix B card, Lynnfield 4 advice slip, Thomas More letter) as
 * a PDF to post: nobody came to the door within the policy's wait (Thames View 3.4, Lynnfield 4), a
 * parent who said they would be late did not come (Thames View 3.5), or, where the policy says so,
 * staff were not let in (Burgh 9). For nobody answering it also records why the visit is cancelled;
 * after a refusal that reason comes from the door answers (RecordCancellation).
 */
@Component("produceNoAnswerNotice")
class ProduceNoAnswerNotice implements JavaDelegate {

    static final String LATE_WITH_NOTICE = "lateWithNotice";
    /** Visits about a child's absence or welfare: the card asks why the child is absent (Burgh App. B). */
    private static final Set<String> ABSENCE_REASONS = Set.of("attendance", VisitService.SAFE_AND_WELL, VisitService.SAFEGUARDING);

    private final VisitLetters letters;
    private final Documents documents;
    private final SchoolDirectory directory;

    private final VisitRules rules;

    ProduceNoAnswerNotice(VisitLetters letters, Documents documents, SchoolDirectory directory, VisitRules rules) {
        this.rules = rules;
        this.letters = letters;
        this.documents = documents;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = VISIT_REFERENCE.require(execution);
        VisitRules.Rules visitRules = rules.of(execution);
        PolicyProfile.NoAnswerNotice type = visitRules.noticeType();
        boolean nobodyAnswered = ADULT_PRESENT_AND_INVITES.get(execution) == null;
        byte[] pdf = letters.noAnswerNotice(new VisitLetters.Notice(type, PUPIL_NAME.require(execution),
                VISIT_ADDRESS.get(execution), ABSENCE_REASONS.contains(REASON.require(execution)), EngineClock.schoolTime(),
                staffNames(execution), nobodyAnswered, directory.school(SCHOOL_ID.require(execution)).orElseThrow()));
        long id = documents.store(reference, type.name(), reference + "-" + type.name().toLowerCase().replace('_', '-') + ".pdf",
                Documents.PDF, pdf, Actor.current(execution));
        NOTICE_DOCUMENT_ID.set(execution, id);
        if (!nobodyAnswered) {
            return;
        }
        NOBODY_ANSWERED.set(execution, true);
        boolean late = LATE_WITH_NOTICE.equals(PARENT_ARRIVAL.get(execution));
        CANCELLATION_REASON.set(execution, late
                ? "The parent or carer said they would be late but had not come by " + LATE_PARENT_WAIT_ENDS_AT_TIME.require(execution)
                        + ", the end of the school's " + visitRules.lateParentLimit().toMinutes() + "-minute limit for a late parent."
                : "Nobody answered: staff waited until " + PARENT_WAIT_ENDS_AT_TIME.require(execution) + ", "
                        + "the end of the school's " + visitRules.parentWait().toMinutes() + "-minute wait.");
    }

    /** The staff on the visit by name; an outside-agency companion as the plan names them. */
    private List<String> staffNames(DelegateExecution execution) {
        List<String> names = new ArrayList<>();
        String lead = LEAD_VISITOR.get(execution);
        if (lead != null) {
            names.add(fullName(lead));
        }
        String companion = COMPANION_NAME.get(execution);
        if (companion != null && !companion.isBlank() && !"none".equals(COMPANION_KIND.get(execution))) {
            names.add("staff".equals(COMPANION_KIND.get(execution)) ? fullName(companion) : companion);
        }
        return names;
    }

    private String fullName(String userId) {
        return directory.staff(userId).map(Staff::fullName).orElse(userId);
    }
}
