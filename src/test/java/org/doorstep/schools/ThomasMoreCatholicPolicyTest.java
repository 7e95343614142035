package org.doorstep.schools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import java.io.IOException;
import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.safety.CheckInType;
import org.doorstep.safety.SafetyScenario;
import org.doorstep.safety.StaffSafetyProcess;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.Staff;
import org.doorstep.security.Roles;
import org.doorstep.security.WebClient;
import org.doorstep.visit.HomeVisitProcess.Elements;
import org.doorstep.visit.VisitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Thomas More Catholic School's home-visit policy (shared/policies/thomas-more-catholic.txt,
 * policies/thomas-more-catholic.yml), end to end with its own pupils and staff. Its clauses are not
 * numbered; the tests name the section: "Prior" (prior to the visit), "During", "After",
 * "Emergencies".
 */
@DoorstepTest
class ThomasMoreCatholicPolicyTest extends SchoolScenarios {

    static final String PUPIL_ATTENDANCE = "TMC-0001";
    /** Known to social care, with a social worker. */
    static final String PUPIL_WITH_SOCIAL_WORKER = "TMC-0005";
    /** Thomas More is silent on the wait: the safe default of 10 minutes applies. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);

    @Autowired SchoolDirectory directory;
    @LocalServerPort int port;

    ProcessInstance requestAsVisitor(String pupilId, String reason) {
        return visits.requestVisit(pupilId, reason, "tmc-visitor1");
    }

    /** Closing line: a member of senior staff agrees the visit. */
    void seniorStaffAgree(ProcessInstance visit) {
        assertThat(visit).isWaitingAt(Elements.AUTHORISE).task().hasCandidateGroup(Roles.SENIOR_LEADERS);
        completeAs("tmc-leader", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
    }

    /** Prior: in pairs, a member of staff or an outside agency. */
    Answers planWithOutsideAgency() {
        return ordinaryPlan().with(LEAD_VISITOR, "tmc-visitor1").with(COMPANION_KIND, "agency")
                .with(COMPANION_NAME, "Fran Field, family support worker")
                .with(COMPANION_ORGANISATION, "Mockley Family Support");
    }

    /** Authorised, risk assessed, planned in a pair, signed out and arrived, with no social worker. */
    void toTheDoor(ProcessInstance visit) {
        seniorStaffAgree(visit);
        assessRisk(visit, noHazards());
        complete(visit, Elements.PLAN, planWithOutsideAgency());
        signOut(visit);
        arrive(visit);
    }

    /**
     * Prior: the second person may be "an outside agency": the plan must say which, so the office
     * knows whom to ring; without the organisation the plan is refused, naming the field, and nothing
     * moves on.
     */
    @Test
    void anOutsideAgencyCompanionIsNamedWithTheirOrganisationPrior() {
        ProcessInstance visit = requestAsVisitor(PUPIL_ATTENDANCE, "attendance");
        seniorStaffAgree(visit);
        assessRisk(visit, noHazards());
        assertThatThrownBy(() -> complete(visit, Elements.PLAN, planWithOutsideAgency().with(COMPANION_ORGANISATION, null)))
                .hasMessageContaining("Second person's organisation (companionOrganisation) is required");
        assertThat(visit).isWaitingAt(Elements.PLAN);
        complete(visit, Elements.PLAN, planWithOutsideAgency());
        assertThat(variable(visit, COMPANION_ORGANISATION)).isEqualTo("Mockley Family Support");
    }

    /** An attendance visit for a pupil known to social care, agreed, assessed and planned with an outside agency. */
    ProcessInstance plannedForAFamilyWithASocialWorker() {
        ProcessInstance visit = requestAsVisitor(PUPIL_WITH_SOCIAL_WORKER, "attendance");
        seniorStaffAgree(visit);
        // Known to social care: the DSL agrees too (the safe default of the matrix).
        completeAs("tmc-dsl", visit, Elements.DSL_AUTHORISE, answers().with(DSL_AUTHORISATION_DECISION, "approved"));
        assessRisk(visit, noHazards());
        // Prior: "attend home visits in pairs", the second person may be from an outside agency.
        complete(visit, Elements.PLAN, planWithOutsideAgency());
        return visit;
    }

    @Test
    void pairedVisitWithAnOutsideAgencyAndTheSocialWorkerInformedPriorAndAfter() {
        ProcessInstance visit = plannedForAFamilyWithASocialWorker();
        assertThat(variable(visit, COMPANION_KIND)).isEqualTo("agency");

        // After: "the social worker must be informed before or after the visit": not reachable before,
        // so told after it.
        assertThat(visit).isWaitingAt(Elements.INFORM_SOCIAL_WORKER).task().hasCandidateGroup(Roles.VISITING_STAFF);
        socialWorkerToldAfterTheVisit(visit, "Social worker out on a visit all morning.");
        assertThat(status(visit)).isEqualTo("COMPLETED");
    }

    /**
     * Prior: "the social worker must be informed either before the home visit or immediately after", also
     * when the visit ends at the door: the staff's task to tell them opens with the written report, not
     * after it is read.
     */
    @Test
    void aVisitThatEndsAtTheDoorIsToldToTheSocialWorkerImmediatelyAfterPrior() {
        ProcessInstance visit = plannedForAFamilyWithASocialWorker();
        complete(visit, Elements.INFORM_SOCIAL_WORKER, answers().with(SOCIAL_WORKER_INFORMED_BEFORE, false)
                .with(SOCIAL_WORKER_NOT_INFORMED_REASON, "Social worker on leave until Wednesday."));
        signOut(visit);
        arrive(visit);
        parentArrives(visit);
        complete(visit, Elements.DECIDE_ENTRY, allYesAtTheDoor().with(STAFF_FEEL_SAFE, "no")
                .with(ENTRY_NOTE, "A man shouting at the door; we left."));

        assertThat(visit).isWaitingAt(Elements.READ_CANCELLATION_REPORT, Elements.INFORM_SOCIAL_WORKER_AFTER_CANCELLATION);
        assertThat(task(visit, Elements.INFORM_SOCIAL_WORKER_AFTER_CANCELLATION)).satisfies(told -> assertThat(
                taskService.getIdentityLinksForTask(told.getId())).extracting(link -> link.getGroupId())
                .containsExactly(Roles.VISITING_STAFF));
        complete(visit, Elements.INFORM_SOCIAL_WORKER_AFTER_CANCELLATION, answers().with(SOCIAL_WORKER_INFORMED_AFTER, true));
        assertThat(visit).isWaitingAt(Elements.READ_CANCELLATION_REPORT).isNotEnded();
        completeAs("tmc-leader", visit, Elements.READ_CANCELLATION_REPORT, answers().with(CANCELLATION_REPORT_READ, true));
        assertThat(visit).isEnded().hasPassed(Elements.END_CANCELLED);
    }

    @Test
    void attendanceVisitGoesAheadWithoutTheParentWhenAnotherAdultAnswersPrior() {
        ProcessInstance visit = requestAsVisitor(PUPIL_ATTENDANCE, "attendance");
        assertThat(variable(visit, ENTRY_WITHOUT_PARENT_ALLOWED)).isTrue();
        toTheDoor(visit);

        // The parent does not come within the wait, but the visit is not cancelled ...
        timerFiresAfterExactly(visit, Elements.PARENT_WAIT_OVER, DEFAULT_WAIT);
        assertThat(visit).isWaitingAt(Elements.SEE_WHO_ANSWERS).task().hasCandidateGroup(Roles.VISITING_STAFF);
        assertThat(visit).hasNotPassed(Elements.PRODUCE_NOTICE);

        // ... grandmother answers: staff decide whether to go in, as with the parent present.
        complete(visit, Elements.SEE_WHO_ANSWERS, answers().with(ANYBODY_ANSWERED, "yes"));
        assertThat(visit).isWaitingAt(Elements.DECIDE_ENTRY);
        goIn(visit);
        leave(visit);
        complete(visit, Elements.RECORD_VISIT, ordinaryRecord());
        assertThat(visit).isEnded().hasPassed(Elements.END_COMPLETED).hasNotPassed(Elements.PRODUCE_NOTICE);
    }

    @Test
    void attendanceVisitWhereNobodyAnswersAtAllPostsTheHomeVisitLetterDuring() throws IOException {
        ProcessInstance visit = requestAsVisitor(PUPIL_ATTENDANCE, "attendance");
        toTheDoor(visit);
        timerFiresAfterExactly(visit, Elements.PARENT_WAIT_OVER, DEFAULT_WAIT);
        complete(visit, Elements.SEE_WHO_ANSWERS, answers().with(ANYBODY_ANSWERED, "no"));

        // During: "the home visit letter posted through the letter box".
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE);
        assertThat(pdfText(variable(visit, NOTICE_DOCUMENT_ID))).contains("We called to see you today");
        complete(visit, Elements.POST_NOTICE, answers().with(NOTICE_POSTED, true));
        assertThat(visit).isWaitingAt(Elements.READ_CANCELLATION_REPORT).task().hasCandidateGroup(Roles.SENIOR_LEADERS);
        assertThat(variable(visit, CANCELLATION_REASON)).contains("Nobody answered").contains("notice was posted");
        assertThat(visit).hasNotPassed(Elements.DECIDE_ENTRY);
    }

    @Test
    void aVisitForAnotherReasonIsCancelledWhenTheParentIsAbsentPrior() {
        ProcessInstance visit = requestAsVisitor(PUPIL_ATTENDANCE, VisitService.SAFE_AND_WELL);
        assertThat(variable(visit, ENTRY_WITHOUT_PARENT_ALLOWED)).isFalse();
        toTheDoor(visit);
        timerFiresAfterExactly(visit, Elements.PARENT_WAIT_OVER, DEFAULT_WAIT);
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE).hasNotPassed(Elements.SEE_WHO_ANSWERS);
    }

    @Test
    void staffWhoDoNotReturnAndCannotBeReachedAreReportedToThePoliceEmergencies() {
        ProcessInstance visit = requestAsVisitor(PUPIL_ATTENDANCE, "attendance");
        seniorStaffAgree(visit);
        assessRisk(visit, noHazards());
        // Expected back at 10:30, half an hour after the appointment.
        complete(visit, Elements.PLAN, planWithOutsideAgency().with(EXPECTED_RETURN_TIME, "2026-11-23T10:30:00Z"));
        signOut(visit);
        String reference = visit.getBusinessKey();
        try (SafetyScenario safety = followTheWatch(visit, "thomas-more-catholic", PUPIL_ATTENDANCE)) {
            arriveAndGoIn(safety, visit, Duration.ofMinutes(20), "tmc-visitor1");
            safety.checkIn(reference, CheckInType.LEAVING, "tmc-visitor1");

            // Not back at 10:30: "the office will ring the mobile" ...
            officeRingsTheMobileAfterExactly(safety, reference, Duration.ofMinutes(40));

            // ... "if there is no answer and reasonable cause for concern, the police": no home call, no SLT step.
            safety.after(Duration.ofMinutes(10));
            assertThat(openSafetyStep(safety, reference)).isEqualTo(CALL_POLICE);
            assertThat(safetyTasksEverCreated(reference)).isEqualTo(2);
        }
    }

    /**
     * Emergencies: "the Police must be called if there is no answer and there is reasonable cause for
     * concern". The office rang the mobile, had no answer, but records no cause for concern: no police
     * step; the chain ends with that outcome recorded, and the watch goes on.
     */
    @Test
    void noAnswerWithoutCauseForConcernDoesNotCallThePoliceAndTheOutcomeIsRecordedEmergencies() {
        ProcessInstance visit = notBackAfterTheVisit();
        String reference = visit.getBusinessKey();
        try (SafetyScenario safety = theOfficeRingsTheMobile(visit)) {

            recordOverdueStep(safety, reference, "tmc-office", "noContact", false, "No answer; they said they might stop for lunch");
            assertThat(safetyTasks(safety, reference)).isEmpty();
            assertThat(overdueStepsEverStarted(reference, CALL_POLICE)).isZero();
            assertThat(audit.events("visit", reference)).anySatisfy(event -> {
                assertThat(event.action()).isEqualTo("OVERDUE_CHAIN_ENDED");
                assertThat(event.detail()).contains("RING_MOBILE found no contact, no cause for concern");
            }).anySatisfy(event -> {
                assertThat(event.action()).isEqualTo("OVERDUE_CHAIN_CLOSED");
                assertThat(event.detail()).contains("no contact, no cause for concern");
            });
        }
    }

    /** Emergencies: no answer and reasonable cause for concern: the police step opens at once, 999 first in the briefing. */
    @Test
    void noAnswerAndReasonableCauseForConcernCallsThePoliceAtOnceEmergencies() {
        ProcessInstance visit = notBackAfterTheVisit();
        String reference = visit.getBusinessKey();
        try (SafetyScenario safety = theOfficeRingsTheMobile(visit)) {

            recordOverdueStep(safety, reference, "tmc-office", "noContact", true, "No answer; the family has threatened staff before");
            Task police = openStepFor(safety, reference, CALL_POLICE, Roles.OFFICE);
            assertThat(police.getName()).startsWith("Call the police: ");
            assertThat((String) safety.tasks().getVariable(police.getId(), StaffSafetyProcess.Variables.BRIEFING.name()))
                    .contains("**Ring first:** 999 (police)");
            assertThat(audit.events("visit", reference)).anySatisfy(event -> {
                assertThat(event.action()).isEqualTo("OVERDUE_NO_CONTACT");
                assertThat(event.detail()).startsWith("RING_MOBILE (cause for concern)");
            });
        }
    }

    private ProcessInstance notBackAfterTheVisit() {
        ProcessInstance visit = requestAsVisitor(PUPIL_ATTENDANCE, "attendance");
        seniorStaffAgree(visit);
        assessRisk(visit, noHazards());
        complete(visit, Elements.PLAN, planWithOutsideAgency().with(EXPECTED_RETURN_TIME, "2026-11-23T10:30:00Z"));
        signOut(visit);
        return visit;
    }

    /** The visit happens, the staff leave but are not back at 10:30: the office rings the mobile. */
    private SafetyScenario theOfficeRingsTheMobile(ProcessInstance visit) {
        SafetyScenario safety = followTheWatch(visit, "thomas-more-catholic", PUPIL_ATTENDANCE);
        arriveAndGoIn(safety, visit, Duration.ofMinutes(20), "tmc-visitor1");
        safety.checkIn(visit.getBusinessKey(), CheckInType.LEAVING, "tmc-visitor1");
        officeRingsTheMobileAfterExactly(safety, visit.getBusinessKey(), Duration.ofMinutes(40));
        return safety;
    }

    /**
     * Emergencies: staff "will let group admin know which number they are using". The plan gives the
     * school phone and a hire car, neither of them the directory's, and an outside-agency companion with
     * her own phone: the office's task when the staff are not back, its alert e-mail and the safety board
     * show exactly the plan's numbers, companion and car, never the directory's defaults.
     */
    @Test
    void theOfficeIsToldTheNumberAndCarTheStaffAreUsingNotTheDirectorysEmergencies() throws Exception {
        Staff lead = directory.staff("tmc-visitor1").orElseThrow();
        ProcessInstance visit = requestAsVisitor(PUPIL_ATTENDANCE, "attendance");
        seniorStaffAgree(visit);
        assessRisk(visit, noHazards());
        complete(visit, Elements.PLAN, planWithOutsideAgency().with(LEAD_MOBILE, "07700 900111")
                .with(COMPANION_MOBILE, "07700 900222").with(VEHICLE_COLOUR, "Red").with(VEHICLE_MAKE, "Kia")
                .with(VEHICLE_MODEL, "Picanto").with(VEHICLE_REGISTRATION, "XY70 ABC")
                .with(EXPECTED_RETURN_TIME, "2026-11-23T10:30:00Z"));
        signOut(visit);
        String reference = visit.getBusinessKey();
        String people = lead.fullName() + " (mobile 07700 900111), Fran Field, family support worker (outside agency: Mockley Family Support, mobile 07700 900222)";
        String car = "Car: Red Kia Picanto XY70 ABC";
        try (SafetyScenario safety = followTheWatch(visit, "thomas-more-catholic", PUPIL_ATTENDANCE)) {
            arriveAndGoIn(safety, visit, Duration.ofMinutes(20), "tmc-visitor1");
            safety.checkIn(reference, CheckInType.LEAVING, "tmc-visitor1");
            Task ring = officeRingsTheMobileAfterExactly(safety, reference, Duration.ofMinutes(40));

            String briefing = (String) safety.tasks().getVariable(ring.getId(), StaffSafetyProcess.Variables.BRIEFING.name());
            assertThat(briefing).contains(people, car).doesNotContain(lead.mobile(), lead.vehicleRegistration());
            assertThat(jdbc.sql("SELECT body FROM notification_outbox WHERE visit_reference = ? AND channel = 'EMAIL'")
                    .param(reference).query(String.class).list())
                    .isNotEmpty().allSatisfy(body -> assertThat(body).contains(people, car).doesNotContain(lead.mobile()));

            var board = WebClient.basic(port, "tmc-office", "doorstep-demo").get("/api/safety/board");
            assertThat(board.statusCode()).isEqualTo(200);
            assertThat(board.body()).contains(people, car).doesNotContain(lead.mobile());
        }
    }
}
