package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import java.io.IOException;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AttendanceNotes;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.workflow.SensitiveHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Recording the visit and following it up (issue 3 steps 10-11). */
@DoorstepTest
class RecordAndFollowUpScenariosTest extends VisitScenarios {

    static final String CHECK_ON = "2026-12-07";
    static final Instant CHECK_DUE = Instant.parse("2026-12-07T00:00:00Z");

    @Autowired
    HistoryService history;
    @Autowired
    AttendanceNotes attendance;

    @Test
    void safeguardingConcernOpensADslReviewAtOnceAndLeavesNoTraceInTheProcessBurgh10() {
        ProcessInstance visit = request();
        visitTheFamily(visit);
        String concern = "Child said there is no food at home.";
        // Completed by a signed-in member of the visiting staff, as in Tasklist.
        completeAs("visitor1", visit, Elements.RECORD_VISIT, ordinaryRecord()
                .with(SAFEGUARDING_CONCERN, true).with(SAFEGUARDING_DETAILS, concern));

        assertThat(visit).isWaitingAt(Elements.DSL_REVIEW).task().hasCandidateGroup("dsl");
        // Stored as a need-to-know note, gone from the process; its history only ever held a marker.
        assertThat(notes.notes(visit.getBusinessKey(), true)).anySatisfy(note -> {
            assertThat(note.kind()).isEqualTo(NoteKind.SAFEGUARDING);
            assertThat(note.body()).isEqualTo(concern);
        });
        assertThat(notes.notes(visit.getBusinessKey(), false)).extracting(VisitNotes.Note::kind).doesNotContain(NoteKind.SAFEGUARDING);
        assertThat(runtimeService.getVariables(visit.getId())).doesNotContainKey(SAFEGUARDING_DETAILS.name());
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(visit.getId())
                .variableName(SAFEGUARDING_DETAILS.name()).includeDeleted().list())
                .extracting(HistoricVariableInstance::getValue).containsOnly(SensitiveHistory.REDACTED);
        assertThat(history.createHistoricDetailQuery().processInstanceId(visit.getId()).variableUpdates().list())
                .noneMatch(detail -> concern.equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getValue()));

        complete(visit, Elements.DSL_REVIEW, answers().with(DSL_REVIEW_ACTION, "referral"));
        assertThat(visit).isEnded().hasPassed(Elements.END_COMPLETED);
    }

    @Test
    void agreementsKeptOnTheCheckDateCompleteTheVisitThamesView4_1() {
        ProcessInstance visit = request();
        visitTheFamily(visit);
        complete(visit, Elements.RECORD_VISIT, recordWithAgreements(CHECK_ON));
        assertThat(visit).isWaitingAt(Elements.AGREEMENT_CHECK_DUE);
        assertThat(status(visit)).isEqualTo("FOLLOW_UP");
        timerFiresOn(visit, Elements.AGREEMENT_CHECK_DUE, CHECK_DUE);
        complete(visit, Elements.CHECK_AGREEMENTS, answers().with(AGREEMENTS_KEPT, "yes"));
        assertThat(visit).isEnded().hasPassed(Elements.END_COMPLETED).hasNotPassed(Elements.SEND_REMINDER);
    }

    @Test
    void brokenAgreementSendsAReminderLetterAndContinuedFailureStartsALinkedVisitThamesView4_2To4_3() throws IOException {
        ProcessInstance visit = request();
        visitTheFamily(visit);
        complete(visit, Elements.RECORD_VISIT, recordWithAgreements(CHECK_ON));
        timerFiresOn(visit, Elements.AGREEMENT_CHECK_DUE, CHECK_DUE);

        // First break: reminder letter (PDF) and a note on the attendance record (4.2-4.3).
        complete(visit, Elements.CHECK_AGREEMENTS, answers().with(AGREEMENTS_KEPT, "no").with(NEXT_CHECK_DATE, "2026-12-14"));
        assertThat(visit).hasPassed(Elements.SEND_REMINDER).isWaitingAt(Elements.AGREEMENT_CHECK_DUE);
        String letter = pdfText(variable(visit, REMINDER_DOCUMENT_ID));
        assertThat(letter).contains(PUPIL_NAME_AMIRA).contains("Monday 7 December 2026").contains("8:50");
        assertThat(attendance.notes(PUPIL)).anySatisfy(note -> {
            assertThat(note.visitReference()).isEqualTo(visit.getBusinessKey());
            assertThat(note.body()).contains("reminder letter");
        });

        // Continued failure: a new visit, linked to this one, through VisitService.
        timerFiresOn(visit, Elements.AGREEMENT_CHECK_DUE, Instant.parse("2026-12-14T00:00:00Z"));
        completeAs("office", visit, Elements.CHECK_AGREEMENTS,
                answers().with(AGREEMENTS_KEPT, "no").with(NEXT_CHECK_DATE, "2026-12-21"));
        assertThat(visit).isEnded().hasPassed(Elements.START_FOLLOW_UP_VISIT, Elements.END_FOLLOW_UP_VISIT_STARTED);
        assertThat(status(visit)).isEqualTo("FOLLOW_UP_VISIT_STARTED");
        String followUp = history.createHistoricVariableInstanceQuery().processInstanceId(visit.getId())
                .variableName(FOLLOW_UP_VISIT_REFERENCE.name()).singleResult().getValue().toString();
        ProcessInstance next = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(followUp).singleResult();
        assertThat(next).isWaitingAt(Elements.AUTHORISE);
        assertThat(visits.previousVisitReference(followUp)).contains(visit.getBusinessKey());
        assertThat(visits.requestedBy(followUp)).contains("office");
    }
}
