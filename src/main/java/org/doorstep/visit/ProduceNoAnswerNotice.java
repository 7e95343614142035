package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.CANCELLATION_REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.LATE_PARENT_LIMIT;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOBODY_ANSWERED;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_DOCUMENT_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.NOTICE_TYPE;
import static org.doorstep.visit.HomeVisitProcess.Variables.PARENT_ARRIVAL;
import static org.doorstep.visit.HomeVisitProcess.Variables.PARENT_WAIT;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.time.Duration;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.records.Documents;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Nobody came to the door within the policy's wait (Thames View 3.4, Lynnfield 4) or a parent who
 * said they would be late did not come within the late limit (Thames View 3.5): produces the
 * policy's notice (Burgh Appendix B card) as a PDF to post, and records why the visit is cancelled.
 */
@Component("produceNoAnswerNotice")
class ProduceNoAnswerNotice implements JavaDelegate {

    static final String LATE_WITH_NOTICE = "lateWithNotice";

    private final VisitLetters letters;
    private final Documents documents;
    private final SchoolDirectory directory;

    ProduceNoAnswerNotice(VisitLetters letters, Documents documents, SchoolDirectory directory) {
        this.letters = letters;
        this.documents = documents;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = VISIT_REFERENCE.require(execution);
        String pupilName = PUPIL_NAME.require(execution);
        PolicyProfile.NoAnswerNotice type = PolicyProfile.NoAnswerNotice.valueOf(NOTICE_TYPE.require(execution));
        LocalDateTime calledAt = EngineClock.schoolTime();
        byte[] pdf = letters.noAnswerNotice(type, pupilName, calledAt,
                directory.school(SCHOOL_ID.require(execution)).orElseThrow());
        long id = documents.store(reference, type.name(), reference + "-" + type.name().toLowerCase().replace('_', '-') + ".pdf",
                Documents.PDF, pdf, Actor.current(execution));
        NOTICE_DOCUMENT_ID.set(execution, id);
        NOBODY_ANSWERED.set(execution, true);
        boolean late = LATE_WITH_NOTICE.equals(PARENT_ARRIVAL.get(execution));
        CANCELLATION_REASON.set(execution, late
                ? "The parent or carer said they would be late but had not come within "
                        + minutes(LATE_PARENT_LIMIT.require(execution)) + " minutes."
                : "Nobody answered: staff waited " + minutes(PARENT_WAIT.require(execution))
                        + " minutes as the school's policy says.");
    }

    private static long minutes(String isoDuration) {
        return Duration.parse(isoDuration).toMinutes();
    }
}
