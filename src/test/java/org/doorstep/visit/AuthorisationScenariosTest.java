package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.TaskService;
import org.doorstep.DoorstepTest;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.records.NoteKind;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Request and authorisation (issue 3 steps 1-2), and the whole path of an ordinary visit. */
@DoorstepTest
@RecordApplicationEvents
class AuthorisationScenariosTest extends VisitScenarios {

    @Test
    void authorisedVisitRunsFromRequestToCompletedRecordWithThamesViewRules(ApplicationEvents events) {
        ProcessInstance visit = request();
        // Thames View profile copied into the visit: 20 minutes' wait (3.4), 30 minutes late limit (3.5).
        assertThat(rules(visit).parentWait()).isEqualTo(Duration.ofMinutes(20));
        assertThat(rules(visit).lateParentLimit()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rules(visit).pairing()).isEqualTo(PolicyProfile.Pairing.ALWAYS);
        assertThat(rules(visit).authoriserGroup()).isEqualTo("headteacher");
        assertThat(visit).isWaitingAt(Elements.AUTHORISE);
        assertThat(visit).task().hasCandidateGroup("headteacher");
        assertThat(status(visit)).isEqualTo("REQUESTED");

        authorise(visit);
        assertThat(status(visit)).isEqualTo("AUTHORISED");
        // Thames View 2.5: the School Business Manager (office) assesses the risk.
        assertThat(visit).isWaitingAt(Elements.ASSESS_RISK).task().hasCandidateGroup("office");
        assessRisk(visit, noHazards());
        assertThat(visit).hasPassed(Elements.DECIDE_RISK, Elements.RECORD_RISK);
        // Thames View 2.10: always two staff, whatever the risk decision says.
        assertThat(variable(visit, PAIRED_REQUIRED)).isTrue();
        assertThat(variable(visit, RISK_LEVEL)).isEqualTo("low");

        plan(visit);
        assertThat(visit).isWaitingAt(Elements.SIGN_OUT).task().hasCandidateGroup("office");
        signOut(visit);
        assertThat(status(visit)).isEqualTo("DEPARTED");
        assertThat(events.stream(VisitDeparted.class)).singleElement().satisfies(departed -> {
            assertThat(departed.visitReference()).isEqualTo(visit.getBusinessKey());
            assertThat(departed.staffUserIds()).containsExactly("visitor1", "visitor2");
            assertThat(departed.transport()).contains("ZZ24 DSP");
            assertThat(departed.checkInInterval()).hasMinutes(20);
        });

        arrive(visit);
        assertThat(status(visit)).isEqualTo("ARRIVED");
        parentArrives(visit);
        goIn(visit);
        assertThat(visit).isWaitingAt(Elements.STAFF_LEAVING);
        assertThat(status(visit)).isEqualTo("IN_PROGRESS");
        leave(visit);

        complete(visit, Elements.RECORD_VISIT, ordinaryRecord());
        assertThat(events.stream(ChildSeenOnVisit.class)).singleElement().satisfies(seen -> {
            assertThat(seen.visitReference()).isEqualTo(visit.getBusinessKey());
            assertThat(seen.pupilId()).isEqualTo(PUPIL);
        });
        assertThat(visit).isEnded().hasPassed(Elements.FILE_RECORD, Elements.END_COMPLETED);
        assertThat(status(visit)).isEqualTo("COMPLETED");
        assertThat(notes.notes(visit.getBusinessKey(), false)).extracting(note -> note.kind())
                .contains(NoteKind.OUTCOME, NoteKind.CONCERN);
    }

    @Test
    void rejectedVisitEndsRecordedAsRejected() {
        ProcessInstance visit = request();
        complete(visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "rejected")
                .with(AUTHORISATION_COMMENT, "Phone the family first."));
        assertThat(visit).isEnded().hasPassed(Elements.END_REJECTED);
        assertThat(status(visit)).isEqualTo("REJECTED");
    }

    @Test
    void headteacherAsksForChangesAndAuthorisesTheAmendedRequest() {
        ProcessInstance visit = request();
        complete(visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "changes")
                .with(AUTHORISATION_COMMENT, "Make it an announced visit (Thames View 2.6)."));
        complete(visit, Elements.AMEND_REQUEST, answers().with(REASON, "attendance").with(ANNOUNCED, true)
                .with(HAS_SOCIAL_WORKER, false).with(AMENDMENT_NOTE, "Appointment made by phone."));
        assertThat(visit).isWaitingAt(Elements.AUTHORISE);
        authorise(visit);
        assertThat(visit).isWaitingAt(Elements.ASSESS_RISK);
    }

    @Test
    void anAmendmentCannotDropTheAppointmentThePolicyRequiresThamesView2_6() {
        ProcessInstance visit = request();
        complete(visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "changes")
                .with(AUTHORISATION_COMMENT, "Give the reason in more detail."));
        assertThatThrownBy(() -> complete(visit, Elements.AMEND_REQUEST, answers().with(REASON, "attendance").with(ANNOUNCED, false)
                .with(HAS_SOCIAL_WORKER, false).with(AMENDMENT_NOTE, "Going unannounced instead.")))
                .hasMessageContaining("visit.appointment: REQUIRED");
        assertThat(visit).isWaitingAt(Elements.AMEND_REQUEST);
        assertThat(variable(visit, ANNOUNCED)).isTrue();
        runtimeService.deleteProcessInstance(visit.getId(), "test finished");
    }

    @Test
    void requestAmendedToSafeguardingNeedsTheDslAsWellBurgh5() {
        ProcessInstance visit = request();
        complete(visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "changes")
                .with(AUTHORISATION_COMMENT, "This is a safeguarding visit, not attendance."));
        complete(visit, Elements.AMEND_REQUEST, answers().with(REASON, VisitService.SAFEGUARDING).with(ANNOUNCED, true)
                .with(HAS_SOCIAL_WORKER, false).with(AMENDMENT_NOTE, "Reason changed."));
        authorise(visit);
        assertThat(visit).isWaitingAt(Elements.DSL_AUTHORISE);
    }

    @Test
    void safeguardingVisitIsAuthorisedByTheHeadteacherAndTheDslBurgh5() {
        ProcessInstance visit = request(PUPIL, VisitService.SAFEGUARDING);
        authorise(visit);
        assertThat(visit).isWaitingAt(Elements.DSL_AUTHORISE).task().hasCandidateGroup("dsl");
        complete(visit, Elements.DSL_AUTHORISE, answers().with(DSL_AUTHORISATION_DECISION, "approved"));
        assertThat(visit).isWaitingAt(Elements.ASSESS_RISK);
    }

    @Test
    void dslCanRejectASafeguardingVisitTheHeadteacherApproved() {
        ProcessInstance visit = request(PUPIL, VisitService.SAFEGUARDING);
        authorise(visit);
        complete(visit, Elements.DSL_AUTHORISE, answers().with(DSL_AUTHORISATION_DECISION, "rejected")
                .with(DSL_AUTHORISATION_COMMENT, "Social care are visiting today."));
        assertThat(visit).isEnded().hasPassed(Elements.END_REJECTED);
    }

    @Test
    void familyWithASocialWorkerIsToldBeforeTheVisitThomasMore() {
        ProcessInstance visit = visits.requestVisit(PUPIL_WITH_SOCIAL_WORKER, "attendance", "office");
        // Known to social care: the DSL authorises as well.
        authorise(visit);
        complete(visit, Elements.DSL_AUTHORISE, answers().with(DSL_AUTHORISATION_DECISION, "approved"));
        assessRisk(visit, noHazards());
        plan(visit);
        assertThat(visit).isWaitingAt(Elements.INFORM_SOCIAL_WORKER);
        complete(visit, Elements.INFORM_SOCIAL_WORKER, answers().with(SOCIAL_WORKER_INFORMED_BEFORE, true));
        fromSignOutToRecord(visit);
        // Told before: no task to tell them after.
        assertThat(visit).isEnded().hasNotPassed(Elements.INFORM_SOCIAL_WORKER_AFTER);
    }

    @Test
    void socialWorkerNotToldBeforeIsToldAfterTheVisitThomasMore() {
        ProcessInstance visit = visits.requestVisit(new VisitService.VisitRequest(PUPIL, "attendance", "office", true, true, null));
        authorise(visit);
        assessRisk(visit, noHazards());
        plan(visit);
        socialWorkerToldAfterTheVisit(visit, "Social worker on leave until Friday.");
    }
}
