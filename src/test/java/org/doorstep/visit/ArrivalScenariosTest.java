package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import java.io.IOException;
import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Arriving, waiting for the parent, and going in or cancelling (issue 3 steps 7-8). */
@DoorstepTest
class ArrivalScenariosTest extends VisitScenarios {

    /** Thames View 3.4: wait no longer than 20 minutes. */
    static final Duration THAMES_VIEW_WAIT = Duration.ofMinutes(20);
    /** Thames View 3.5: cancelled if the parent is over 30 minutes late. */
    static final Duration THAMES_VIEW_LATE_LIMIT = Duration.ofMinutes(30);

    @Autowired
    AuditTrail audit;

    @Test
    void parentAbsentAfterTwentyMinutesCancelsTheVisitAndPostsAWeCalledTodayCard() throws IOException {
        ProcessInstance visit = request();
        goToTheDoor(visit);
        assertThat(visit).isWaitingAt(Elements.WAIT_FOR_PARENT);

        timerFiresAfterExactly(visit, Elements.PARENT_WAIT_OVER, THAMES_VIEW_WAIT);

        // Burgh Appendix B: the "We called today" card, with the child's name, date, time and how to contact the school.
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE);
        String card = pdfText(variable(visit, NOTICE_DOCUMENT_ID));
        assertThat(card).contains("We called today").contains(PUPIL_NAME_AMIRA).contains("Monday 23 November 2026")
                .contains("09:50").contains("01632 960000");
        complete(visit, Elements.POST_NOTICE, answers().with(NOTICE_POSTED, true));

        // Thames View 3.8-3.9: the reason goes in writing to the headteacher.
        assertThat(visit).isWaitingAt(Elements.READ_CANCELLATION_REPORT).task().hasCandidateGroup("headteacher");
        assertThat(variable(visit, CANCELLATION_REASON)).contains("waited until 09:50").contains("notice was posted");
        complete(visit, Elements.READ_CANCELLATION_REPORT, answers().with(CANCELLATION_REPORT_READ, true));
        assertThat(visit).isEnded().hasPassed(Elements.END_CANCELLED).hasNotPassed(Elements.DECIDE_ENTRY);
        assertThat(status(visit)).isEqualTo("CANCELLED");
        assertThat(notes.notes(visit.getBusinessKey(), false)).extracting(VisitNotes.Note::kind).contains(NoteKind.CANCELLATION);
    }

    @Test
    void parentWhoArrivesWithinTheWaitIsSeenAndTheTimerIsCancelledThamesView3_4() {
        ProcessInstance visit = request();
        goToTheDoor(visit);
        timePasses(THAMES_VIEW_WAIT.minusMinutes(1));
        parentArrives(visit);
        assertThat(visit).isWaitingAt(Elements.DECIDE_ENTRY);
        assertThat(managementService.createJobQuery().processInstanceId(visit.getId()).timers().count()).isZero();
    }

    @Test
    void parentLateWithNoticeIsWaitedForUpToThirtyMinutesThamesView3_5() {
        ProcessInstance visit = request();
        goToTheDoor(visit);
        complete(visit, Elements.WAIT_FOR_PARENT, answers().with(PARENT_ARRIVAL, "lateWithNotice"));
        assertThat(visit).isWaitingAt(Elements.WAIT_FOR_LATE_PARENT);
        timePasses(Duration.ofMinutes(25));
        complete(visit, Elements.WAIT_FOR_LATE_PARENT, answers().with(LATE_PARENT_ARRIVED, true));
        assertThat(visit).isWaitingAt(Elements.DECIDE_ENTRY);
        goIn(visit);
        assertThat(visit).isWaitingAt(Elements.STAFF_LEAVING);
    }

    @Test
    void parentMoreThanThirtyMinutesLateCancelsTheVisitThamesView3_5() throws IOException {
        ProcessInstance visit = request();
        goToTheDoor(visit);
        complete(visit, Elements.WAIT_FOR_PARENT, answers().with(PARENT_ARRIVAL, "lateWithNotice"));
        timerFiresAfterExactly(visit, Elements.LATE_LIMIT_REACHED, THAMES_VIEW_LATE_LIMIT);
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE);
        assertThat(variable(visit, CANCELLATION_REASON)).contains("had not come by 10:00").contains("30-minute limit");
        assertThat(pdfText(variable(visit, NOTICE_DOCUMENT_ID))).contains(PUPIL_NAME_AMIRA);
    }

    @ParameterizedTest(name = "answer \"no\" to {0} cancels the visit")
    @ValueSource(strings = {"adultPresentAndInvites", "notOnlyChildAtHome", "animalsSecured", "staffFeelSafe"})
    void anyNoAtTheDoorCancelsTheVisitAndReportsItToTheHeadteacher(String question) {
        ProcessInstance visit = request();
        goToTheDoor(visit);
        parentArrives(visit);
        Answers answers = allYesAtTheDoor().with(ENTRY_NOTE, "Reported from the doorstep.");
        answers.map().put(question, "no");
        if (question.equals(NOT_ONLY_CHILD_AT_HOME.name())) {
            answers.with(CONCERN_AT_DOOR_DETAILS, "A girl of about eight answered; nobody else came.");
        }
        complete(visit, Elements.DECIDE_ENTRY, answers);

        assertThat(visit).task(Elements.READ_CANCELLATION_REPORT).hasCandidateGroup("headteacher");
        assertThat(visit).hasNotPassed(Elements.VISIT_IN_PROGRESS, Elements.PRODUCE_NOTICE);
        String reason = variable(visit, CANCELLATION_REASON);
        assertThat(reason).startsWith("Staff did not go in: ").contains(MEANING.get(question)).contains("Reported from the doorstep.");
        assertThat(notes.notes(visit.getBusinessKey(), false)).anySatisfy(note -> {
            assertThat(note.kind()).isEqualTo(NoteKind.CANCELLATION);
            assertThat(note.body()).isEqualTo(reason);
        });
        assertThat(audit.events("visit", visit.getBusinessKey())).extracting(AuditTrail.AuditEvent::action)
                .contains("CANCELLATION_REPORTED");
        complete(visit, Elements.READ_CANCELLATION_REPORT, answers().with(CANCELLATION_REPORT_READ, true));
        assertThat(status(visit)).isEqualTo("CANCELLED");
    }

    /**
     * What staff saw at the door is need-to-know: sent with answers that do not bring the DSL in (the
     * form hides the field then, but a REST client can send it), it still leaves the process.
     */
    @Test
    void textForTheDslSentWithOrdinaryAnswersDoesNotStayInTheProcessBurgh10() {
        ProcessInstance visit = request();
        goToTheDoor(visit);
        parentArrives(visit);
        complete(visit, Elements.DECIDE_ENTRY, allYesAtTheDoor().with(CONCERN_AT_DOOR_DETAILS, "Sent with a hidden field."));
        assertThat(visit).isWaitingAt(Elements.STAFF_LEAVING);
        assertThat(runtimeService.getVariables(visit.getId())).doesNotContainKey(CONCERN_AT_DOOR_DETAILS.name());
    }

    static final java.util.Map<String, String> MEANING = java.util.Map.of(
            ADULT_PRESENT_AND_INVITES.name(), "no responsible adult was present",   // Burgh 8, Thames View 2.6
            NOT_ONLY_CHILD_AT_HOME.name(), "only a child was at home",              // Burgh 8
            ANIMALS_SECURED.name(), "animals were not shut away",                   // Thames View 3.8-3.9, Lynnfield 3
            STAFF_FEEL_SAFE.name(), "staff did not feel safe");                     // Thames View 3.8, William Lilley
}
