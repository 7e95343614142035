package org.doorstep.schools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.Roles;
import org.doorstep.trigger.AbsenceScenarioSupport;
import org.doorstep.trigger.VisitLists;
import org.doorstep.trigger.WeeklyVisitListProcess;
import org.doorstep.visit.HomeVisitProcess.Elements;
import org.doorstep.visit.VisitService;
import org.doorstep.workflow.SignedIn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lynnfield Primary School's home-visit policy (shared/policies/lynnfield-primary.txt,
 * policies/lynnfield-primary.yml), end to end with its own pupils (LYN-) and staff (lyn-...).
 * Clause numbers are the policy's.
 */
@DoorstepTest
class LynnfieldPrimaryPolicyTest extends SchoolScenarios {

    static final String SCHOOL = "lynnfield-primary";
    static final String PUPIL_LYN = "LYN-0001";
    @Autowired SchoolDirectory directory;

    /** 3, 4: "home visits are often unannounced": the attendance team may call without an appointment. */
    ProcessInstance unannouncedVisit() {
        return visits.requestVisit(new VisitService.VisitRequest(PUPIL_LYN, "attendance", "lyn-visitor1", null, false, null));
    }

    @Test
    void anUnannouncedVisitIsAuthorisedByTheDslAndGoesAhead3_4() {
        ProcessInstance visit = unannouncedVisit();
        assertThat(variable(visit, ANNOUNCED)).isFalse();
        assertThat(rules(visit).appointmentRule()).isEqualTo(PolicyProfile.Appointment.OPTIONAL);
        // 4: the DSL approves (and signs the list); 3: the DSL or PSA assesses the risk, the register checked.
        assertThat(visit).isWaitingAt(Elements.AUTHORISE).task().hasCandidateGroup(Roles.DSL);
        completeAs("lyn-dsl", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        assertThat(formVariable(visit, Elements.ASSESS_RISK, PROTECTION_REGISTER_CHECK)).isTrue();
        completeAs("lyn-dsl", visit, Elements.ASSESS_RISK, noHazards());
        // 3: time and location left with the office; in pairs.
        complete(visit, Elements.PLAN, ordinaryPlan().with(LEAD_VISITOR, "lyn-visitor1").with(COMPANION_STAFF, "lyn-visitor2"));
        completeAs("lyn-office", visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
        arrive(visit);
        parentArrives(visit);
        goIn(visit);
        assertThat(visit).isWaitingAt(Elements.STAFF_LEAVING);
        assertThat(status(visit)).isEqualTo("IN_PROGRESS");
        runtimeService.deleteProcessInstance(visit.getId(), "test finished");
    }

    ProcessInstance plannedAndSignedOut(ProcessInstance visit, String appointmentTime) {
        completeAs("lyn-dsl", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        completeAs("lyn-dsl", visit, Elements.ASSESS_RISK, noHazards());
        complete(visit, Elements.PLAN, ordinaryPlan().with(LEAD_VISITOR, "lyn-visitor1").with(COMPANION_STAFF, "lyn-visitor2")
                .with(APPOINTMENT_TIME, appointmentTime));
        signOut(visit);
        return visit;
    }

    /**
     * 4: "wait no longer than 10 minutes", and the policy knows no extension: a parent who phones
     * 7 minutes after the arranged time to say they are late is waited for 3 minutes more, not 10.
     */
    @Test
    void tenMinutesInAllEvenWhenTheParentPhonesToSayTheyAreLate4() {
        ProcessInstance visit = plannedAndSignedOut(visits.requestVisit(
                new VisitService.VisitRequest(PUPIL_LYN, "attendance", "lyn-visitor1", null, true, null)), NOW.toString());
        arrive(visit);   // at 09:30, the arranged time
        parentPhonesToSayTheyAreLate(visit, Duration.ofMinutes(7));

        assertThat(variable(visit, LATE_PARENT_WAIT_ENDS_AT_TIME)).isEqualTo("09:40");
        timerFiresAfterExactly(visit, Elements.LATE_LIMIT_REACHED, Duration.ofMinutes(3));
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE).hasNotPassed(Elements.DECIDE_ENTRY);
    }

    /**
     * 3, 4: an unannounced visit has no arranged time: the 10 minutes run from when staff arrive,
     * whatever time the plan gave, and staff see when they end.
     */
    @Test
    void anUnannouncedVisitWaitsTenMinutesFromArrival4() {
        ProcessInstance visit = plannedAndSignedOut(unannouncedVisit(), "2026-11-23T11:00:00Z");
        timePasses(Duration.ofMinutes(12));
        arrive(visit);   // at 09:42, long before the plan's 11:00

        assertThat(variable(visit, PARENT_WAIT_ENDS_AT_TIME)).isEqualTo("09:52");
        timerFiresAfterExactly(visit, Elements.PARENT_WAIT_OVER, Duration.ofMinutes(10));
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE);
    }

    @Test
    void afterTenMinutesWithoutTheParentAnAdviceSlipIsPostedAndTheDslAndHeadAreTold4() throws IOException {
        ProcessInstance visit = unannouncedVisit();
        completeAs("lyn-dsl", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        completeAs("lyn-dsl", visit, Elements.ASSESS_RISK, noHazards());
        complete(visit, Elements.PLAN, ordinaryPlan().with(LEAD_VISITOR, "lyn-visitor1").with(COMPANION_STAFF, "lyn-visitor2"));
        signOut(visit);
        arrive(visit);

        // 4: "wait no longer than 10 minutes" ...
        timerFiresAfterExactly(visit, Elements.PARENT_WAIT_OVER, Duration.ofMinutes(10));
        // ... "an advice slip with the date, time and staff names" is posted.
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE).hasNotPassed(Elements.SEE_WHO_ANSWERS);
        String slip = pdfText(variable(visit, NOTICE_DOCUMENT_ID)).replaceAll("\\s+", " ");
        String lead = directory.staff("lyn-visitor1").orElseThrow().fullName();
        String companion = directory.staff("lyn-visitor2").orElseThrow().fullName();
        assertThat(slip).contains("Sorry we missed you")
                .contains(lead + " and " + companion + " from Lynnfield Primary School called at your home on "
                        + "Monday 23 November 2026 at 09:40")
                // "in an addressed envelope": the slip carries the address for a window envelope.
                .contains("To the parent or carer of " + variable(visit, PUPIL_NAME) + ", " + variable(visit, VISIT_ADDRESS));
        complete(visit, Elements.POST_NOTICE, answers().with(NOTICE_POSTED, true));
        // 4: the reason in writing to the Executive Headteacher / DSL.
        assertThat(visit).isWaitingAt(Elements.READ_CANCELLATION_REPORT).task()
                .hasCandidateGroup(Roles.HEADTEACHER).hasCandidateGroup(Roles.DSL);
        completeAs("lyn-dsl", visit, Elements.READ_CANCELLATION_REPORT, answers().with(CANCELLATION_REPORT_READ, true));
        assertThat(status(visit)).isEqualTo("CANCELLED");
    }

    /** 3: the LA Employee Protection Register names the family: "poses a risk", so senior staff decide. */
    ProcessInstance riskyVisit() {
        ProcessInstance visit = unannouncedVisit();
        completeAs("lyn-dsl", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        completeAs("lyn-dsl", visit, Elements.ASSESS_RISK, noHazards().with(PROTECTION_REGISTER_HIT, true));
        assertThat(variable(visit, SENIOR_DECISION_NEEDED)).isTrue();
        return visit;
    }

    /** The open senior-decision task of the party whose groups include {@code group}. */
    Task seniorDecisionFor(ProcessInstance visit, String group) {
        return taskService.createTaskQuery().processInstanceId(visit.getId())
                .taskDefinitionKey(Elements.SENIOR_RISK_DECISION).taskCandidateGroup(group).singleResult();
    }

    void decide(String userId, Task task, Answers answers) {
        SignedIn.as(engine.getIdentityService(), userId, () -> taskService.complete(task.getId(), answers.map()));
    }

    /**
     * 3: "the Executive Headteacher/Deputy Headteacher and Designated Safeguard Lead will decide upon the
     * best course of action": two tasks in parallel, one for the head or the deputy, one for the DSL; the
     * visit goes ahead only when both have agreed, and with both parties' controls.
     */
    @Test
    void aRiskyVisitGoesAheadOnlyWhenTheExecutiveHeadOrDeputyAndTheDslBothAgree3() {
        ProcessInstance visit = riskyVisit();
        Task headOrDeputy = seniorDecisionFor(visit, Roles.SENIOR_LEADERS);
        Task dsl = seniorDecisionFor(visit, Roles.DSL);
        assertThat(headOrDeputy).isNotNull();
        assertThat(dsl).isNotNull();
        assertThat(headOrDeputy.getId()).isNotEqualTo(dsl.getId());
        assertThat(seniorDecisionFor(visit, Roles.HEADTEACHER).getId()).isEqualTo(headOrDeputy.getId());
        assertThat(taskService.getIdentityLinksForTask(dsl.getId())).noneMatch(link -> Roles.HEADTEACHER.equals(link.getGroupId()));

        // The deputy agrees: the visit still waits for the DSL.
        decide("lyn-leader", headOrDeputy, answers().with(SENIOR_OUTCOME, "goAheadWithControls")
                .with(SENIOR_CONTROLS, "PCSO informed; 10-minute check-ins."));
        assertThat(visit).isWaitingAt(Elements.SENIOR_RISK_DECISION);
        assertThat(seniorDecisionFor(visit, Roles.DSL)).isNotNull();

        decide("lyn-dsl", dsl, answers().with(SENIOR_OUTCOME, "goAheadWithControls")
                .with(SENIOR_CONTROLS, "Social worker told the day before."));
        assertThat(visit).isWaitingAt(Elements.PLAN);
        assertThat(variable(visit, AGREED_SENIOR_CONTROLS)).contains("lyn-leader", "PCSO informed", "lyn-dsl", "Social worker told");
    }

    /**
     * 3, 4: either party refusing refuses the visit: the DSL's "do not visit" ends the head's or deputy's
     * task too, and the reason goes in writing to the Executive Headteacher/DSL (visit.cancellationReportedTo).
     */
    @Test
    void eitherPartyRefusingRefusesTheRiskyVisitAndTheReasonGoesInWritingToTheHeadAndDsl3_4() {
        ProcessInstance visit = riskyVisit();
        decide("lyn-dsl", seniorDecisionFor(visit, Roles.DSL), answers().with(SENIOR_OUTCOME, "doNotVisit")
                .with(SENIOR_REASON, "Father is on the register for threats to staff; meet at school."));
        assertThat(seniorDecisionFor(visit, Roles.SENIOR_LEADERS)).isNull();
        assertThat(visit).isWaitingAt(Elements.READ_NOT_VISITED_REPORT).task()
                .hasCandidateGroup(Roles.HEADTEACHER).hasCandidateGroup(Roles.DSL);
        assertThat(variable(visit, CANCELLATION_REASON)).contains("lyn-dsl", "dsl", "threats to staff");
        assertThat(notes.notes(visit.getBusinessKey(), false)).anySatisfy(note -> assertThat(note.body()).contains("threats to staff"));
        completeAs("lyn-head", visit, Elements.READ_NOT_VISITED_REPORT, answers().with(CANCELLATION_REPORT_READ, true));
        assertThat(visit).isEnded().hasPassed(Elements.END_NOT_VISITED);
        assertThat(status(visit)).isEqualTo("NOT_VISITED");
    }

    /** 4: "a list of visits compiled on a weekly basis ... approved and signed by the DSL". */
    @Nested
    class WeeklyVisitList extends AbsenceScenarioSupport {

        @Test
        void theDslSignsTheWeeklyListAndOnlyThenAreItsVisitsRequested4() {
            LocalDate monday = LocalDate.of(2026, 11, 16);
            LocalDate wednesday = monday.plusDays(2);
            Pupil pupil = pupilPresentUntil(SCHOOL, monday, false);
            register(pupil, monday, wednesday, "O");
            evaluate(pupil, monday);
            evaluate(pupil, wednesday);
            assertThat(homeVisits(pupil)).as("held for the weekly list").isEmpty();

            String list = visitLists.compile(SCHOOL, wednesday).orElseThrow();
            Task sign = taskService.createTaskQuery().processInstanceBusinessKey(list)
                    .taskDefinitionKey(WeeklyVisitListProcess.Elements.SIGN).singleResult();
            assertThat(taskService.getIdentityLinksForTask(sign.getId())).extracting(link -> link.getGroupId())
                    .contains(Roles.DSL).doesNotContain(Roles.HEADTEACHER);

            completeAs("lyn-dsl", sign, Map.of(WeeklyVisitListProcess.Variables.DECISION.name(), WeeklyVisitListProcess.SIGNED));
            assertThat(homeVisits(pupil)).hasSize(1);
            assertThat(visitLists.entriesOnList(list)).filteredOn(entry -> entry.pupilId().equals(pupil.id()))
                    .extracting(VisitLists.Entry::status).containsExactly(VisitLists.REQUESTED);
        }
    }
}
