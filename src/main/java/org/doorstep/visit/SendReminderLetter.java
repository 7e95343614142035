package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.AGREEMENTS;
import static org.doorstep.visit.HomeVisitProcess.Variables.AGREEMENT_CHECK_DATE;
import static org.doorstep.visit.HomeVisitProcess.Variables.NEXT_CHECK_DATE;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.REMINDERS_SENT;
import static org.doorstep.visit.HomeVisitProcess.Variables.REMINDER_DOCUMENT_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doorstep.records.AttendanceNotes;
import org.doorstep.records.Documents;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * An agreement made at the visit was broken: a reminder letter (PDF) and a note on the pupil's
 * attendance record (Thames View 4.2-4.3), then the agreements are checked again on the date given.
 */
@Component("sendReminderLetter")
class SendReminderLetter implements JavaDelegate {

    static final String KIND = "REMINDER_LETTER";

    private final VisitLetters letters;
    private final Documents documents;
    private final AttendanceNotes attendance;
    private final SchoolDirectory directory;

    SendReminderLetter(VisitLetters letters, Documents documents, AttendanceNotes attendance, SchoolDirectory directory) {
        this.letters = letters;
        this.documents = documents;
        this.attendance = attendance;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = VISIT_REFERENCE.require(execution);
        String actor = Actor.current(execution);
        LocalDateTime now = EngineClock.schoolTime();
        byte[] pdf = letters.reminderLetter(PUPIL_NAME.require(execution), now, AGREEMENTS.get(execution), null,
                directory.school(SCHOOL_ID.require(execution)).orElseThrow());
        long id = documents.store(reference, KIND, reference + "-reminder-" + now.toLocalDate() + ".pdf", Documents.PDF, pdf, actor);
        REMINDER_DOCUMENT_ID.set(execution, id);
        attendance.add(PUPIL_ID.require(execution), reference,
                "Agreement from home visit " + reference + " broken; reminder letter sent on " + now.toLocalDate() + ".", actor);
        REMINDERS_SENT.set(execution, REMINDERS_SENT.require(execution) + 1);
        AGREEMENT_CHECK_DATE.set(execution, NEXT_CHECK_DATE.require(execution));
    }
}
