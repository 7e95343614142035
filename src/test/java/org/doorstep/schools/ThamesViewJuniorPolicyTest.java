package org.doorstep.schools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.safety.CheckInType;
import org.doorstep.safety.SafetyScenario;
import org.doorstep.safety.StaffSafetyProcess;
import org.doorstep.school.Pupil;
import org.doorstep.security.Roles;
import org.doorstep.security.WebClient;
import org.doorstep.trigger.AbsenceCaseProcess;
import org.doorstep.trigger.AbsenceCases;
import org.doorstep.trigger.AbsenceScenarioSupport;
import org.doorstep.trigger.TriggerAction;
import org.doorstep.trigger.TriggerTestSupport;
import org.doorstep.visit.HomeVisitProcess.Elements;
import org.doorstep.visit.VisitService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Thames View Junior School's Home Visits policy (shared/policies/thames-view-junior.txt,
 * policies/thames-view-junior.yml), end to end with its own pupils (TVJ-) and staff (head, office,
 * visitor1, visitor2). Clause numbers are the policy's.
 */
@DoorstepTest
class ThamesViewJuniorPolicyTest extends SchoolScenarios {

    static final String SCHOOL = "thames-view-junior";
    /** Vulnerable: a pupil whose attendance the school watches. */
    static final String PUPIL_VULNERABLE = "TVJ-0002";

    @LocalServerPort int port;

    /** 2.1, 3.3: the headteacher authorises; 2.5: the School Business Manager (office) assesses the risk. */
    void headAuthorisesAndOfficeAssesses(ProcessInstance visit) {
        assertThat(visit).isWaitingAt(Elements.AUTHORISE).task().hasCandidateGroup(Roles.HEADTEACHER);
        completeAs("head", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        assertThat(visit).isWaitingAt(Elements.ASSESS_RISK).task().hasCandidateGroup(Roles.OFFICE);
        completeAs("office", visit, Elements.ASSESS_RISK, noHazards());
    }

    /** 2.6-2.7, 2.9-2.10: two staff, an appointment made, the car's details held; then signed out. */
    void plannedAndSignedOut(ProcessInstance visit) {
        plannedAndSignedOut(visit, ordinaryPlan());
    }

    void plannedAndSignedOut(ProcessInstance visit, Answers plan) {
        headAuthorisesAndOfficeAssesses(visit);
        complete(visit, Elements.PLAN, plan);
        completeAs("office", visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
    }

    /** An attendance visit for the vulnerable pupil, on the ordinary plan, signed out. */
    ProcessInstance signedOutVisit() {
        ProcessInstance visit = visits.requestVisit(PUPIL_VULNERABLE, "attendance", "visitor1");
        plannedAndSignedOut(visit);
        return visit;
    }

    @Test
    void anUnannouncedVisitIsRefusedBecauseAnAppointmentIsRequired2_6() {
        VisitService.VisitRequest unannounced = new VisitService.VisitRequest(PUPIL_VULNERABLE, "attendance", "visitor1",
                null, false, null);
        assertThatThrownBy(() -> visits.requestVisit(unannounced))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unannounced visit cannot be requested")
                .hasMessageContaining("Thames View Junior School's policy needs an appointment")
                .as("people read it: no setting names").hasMessageNotContaining("visit.appointment");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(org.doorstep.visit.HomeVisitProcess.KEY)
                .variableValueEquals(PUPIL_ID.name(), PUPIL_VULNERABLE).variableValueEquals(ANNOUNCED.name(), false)
                .count()).isZero();

        // The same through Doorstep's API, as visiting staff would ask: refused with the reason.
        var response = WebClient.basic(port, "visitor1", "doorstep-demo").postJson("/api/visits",
                "{\"pupilId\": \"" + PUPIL_VULNERABLE + "\", \"reason\": \"attendance\", \"announced\": false}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("needs an appointment made with the parent or carer first")
                .doesNotContain("visit.appointment").doesNotContain(PUPIL_VULNERABLE);

        // A request that does not say is an announced one, with the appointment rule kept on the visit.
        ProcessInstance visit = visits.requestVisit(PUPIL_VULNERABLE, "attendance", "visitor1");
        assertThat(variable(visit, ANNOUNCED)).isTrue();
        assertThat(rules(visit).appointmentRule()).isEqualTo(PolicyProfile.Appointment.REQUIRED);
        runtimeService.deleteProcessInstance(visit.getId(), "test finished");
    }

    @Test
    void noEntryWithoutTheParentAfterATwentyMinuteWaitAndTheHeadteacherIsToldInWriting2_6_3_4_3_8() throws IOException {
        ProcessInstance visit = visits.requestVisit(PUPIL_VULNERABLE, "attendance", "visitor1");
        assertThat(variable(visit, ENTRY_WITHOUT_PARENT_ALLOWED)).isFalse();
        plannedAndSignedOut(visit);
        arrive(visit);

        // 3.4: wait no longer than 20 minutes, to the second; 2.6: never go in without the parent.
        timerFiresAfterExactly(visit, Elements.PARENT_WAIT_OVER, Duration.ofMinutes(20));
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE).hasNotPassed(Elements.SEE_WHO_ANSWERS, Elements.DECIDE_ENTRY);
        assertThat(pdfText(variable(visit, NOTICE_DOCUMENT_ID))).contains("We called today");
        complete(visit, Elements.POST_NOTICE, answers().with(NOTICE_POSTED, true));

        // 3.8-3.9: the reason in writing to the headteacher.
        assertThat(visit).isWaitingAt(Elements.READ_CANCELLATION_REPORT).task().hasCandidateGroup(Roles.HEADTEACHER);
        assertThat(variable(visit, CANCELLATION_REASON)).contains("waited until 09:50");
        completeAs("head", visit, Elements.READ_CANCELLATION_REPORT, answers().with(CANCELLATION_REPORT_READ, true));
        assertThat(visit).isEnded().hasPassed(Elements.END_CANCELLED).hasNotPassed(Elements.VISIT_IN_PROGRESS);
    }

    @Test
    void aParentMoreThanThirtyMinutesLateMeansTheVisitIsCancelled3_5() {
        ProcessInstance visit = visits.requestVisit(PUPIL_VULNERABLE, "attendance", "visitor1");
        plannedAndSignedOut(visit);
        arrive(visit);
        // 3.5: told the parent will be late: wait outside, at most 30 minutes.
        complete(visit, Elements.WAIT_FOR_PARENT, answers().with(PARENT_ARRIVAL, "lateWithNotice"));
        timerFiresAfterExactly(visit, Elements.LATE_LIMIT_REACHED, Duration.ofMinutes(30));
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE).hasNotPassed(Elements.DECIDE_ENTRY);
        assertThat(variable(visit, CANCELLATION_REASON)).contains("30-minute limit");
    }

    /**
     * 3.4: "not present at the arranged time: wait no longer than 20 minutes". Staff half an hour
     * early wait until 20 minutes after the appointment, not 20 minutes after they got there.
     */
    @Test
    void staffWhoArriveEarlyWaitUntilTwentyMinutesAfterTheArrangedTimeNeverCancellingBeforeIt3_4() {
        ProcessInstance visit = visits.requestVisit(PUPIL_VULNERABLE, "attendance", "visitor1");
        plannedAndSignedOut(visit, ordinaryPlan().with(APPOINTMENT_TIME, "2026-11-23T10:00:00Z"));
        arrive(visit);   // at 09:30, half an hour before the appointment

        assertThat(variable(visit, PARENT_WAIT_ENDS_AT_TIME)).isEqualTo("10:20");
        timerFiresAfterExactly(visit, Elements.PARENT_WAIT_OVER, Duration.ofMinutes(50));
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE).hasNotPassed(Elements.DECIDE_ENTRY);
        assertThat(variable(visit, CANCELLATION_REASON)).contains("waited until 10:20").contains("20-minute wait");
    }

    /**
     * 3.5: "if they are over 30 minutes late the visit will be cancelled": counted from the
     * appointment, however late the parent's call came. Told 19 minutes in, staff wait 11 more.
     */
    @Test
    void aParentWhoPhonesLateIsWaitedForUntilThirtyMinutesAfterTheAppointmentHoweverLateTheCall3_5() {
        ProcessInstance visit = visits.requestVisit(PUPIL_VULNERABLE, "attendance", "visitor1");
        plannedAndSignedOut(visit);
        arrive(visit);   // at 09:30, the arranged time
        parentPhonesToSayTheyAreLate(visit, Duration.ofMinutes(19));

        assertThat(variable(visit, LATE_PARENT_WAIT_ENDS_AT_TIME)).isEqualTo("10:00");
        timerFiresAfterExactly(visit, Elements.LATE_LIMIT_REACHED, Duration.ofMinutes(11));
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE).hasNotPassed(Elements.DECIDE_ENTRY);
        assertThat(variable(visit, CANCELLATION_REASON)).contains("had not come by 10:00").contains("30-minute limit");
    }

    @Test
    void staffCheckInWithTheOfficeEveryTwentyMinutes2_4() {
        ProcessInstance visit = signedOutVisit();
        String reference = visit.getBusinessKey();
        try (SafetyScenario safety = followTheWatch(visit, SCHOOL, PUPIL_VULNERABLE)) {
            // 2.4: call the office on arrival ...
            arriveAndGoIn(safety, visit, Duration.ofMinutes(15), "visitor1");
            // ... and every 20 minutes: on time, nothing happens.
            safety.after(Duration.ofMinutes(19));
            safety.checkIn(reference, CheckInType.OK, "visitor2");
            assertThat(safetyTasks(safety, reference)).isEmpty();

            // A check-in missed by one second is not yet late; at 20 minutes the office rings the mobile.
            officeRingsTheMobileAfterExactly(safety, reference, Duration.ofMinutes(20));
        }
    }

    /**
     * 2.4, 2.10: both members of staff the plan names may call in, the companion as well as the lead;
     * someone the plan does not name cannot check in for the visit.
     */
    @Test
    void eitherOfTheTwoStaffOnThePlanChecksInAndNobodyElse2_4_2_10() {
        ProcessInstance visit = signedOutVisit();
        String reference = visit.getBusinessKey();
        try (SafetyScenario safety = followTheWatch(visit, SCHOOL, PUPIL_VULNERABLE)) {
            assertThatThrownBy(() -> safety.checkIn(reference, CheckInType.ARRIVED, "head"))
                    .hasMessageContaining("You (head) are not on visit " + reference);
            safety.after(Duration.ofMinutes(15));
            assertThat(safety.checkIn(reference, CheckInType.ARRIVED, "visitor2").phase()).isEqualTo("AT_ADDRESS");
            assertThat(safety.checkIn(reference, CheckInType.OK, "visitor1").madeBy()).isEqualTo("visitor1");
        }
    }

    /**
     * 2.4: "Staff members will call the school office ... they have arrived safely." Signed out at 09:30
     * for a 10:00 appointment, nobody calls: one second before 10:10 (the appointment plus the profile's
     * ten minutes' grace) the office has nothing to do; at 10:10 it rings the mobile, as for a missed
     * check-in, and the briefing says why. The late arrival call closes the alarm and starts the clock.
     */
    @Test
    void noArrivalCallByTheAppointmentAlertsTheOfficeAsAMissedCheckInDoes2_4() {
        ProcessInstance visit = visits.requestVisit(PUPIL_VULNERABLE, "attendance", "visitor1");
        plannedAndSignedOut(visit, ordinaryPlan().with(APPOINTMENT_TIME, "2026-11-23T10:00:00Z"));
        String reference = visit.getBusinessKey();
        try (SafetyScenario safety = followTheWatch(visit, SCHOOL, PUPIL_VULNERABLE)) {
            Task ring = officeRingsTheMobileAfterExactly(safety, reference, Duration.ofMinutes(40));
            String watch = safety.watch(reference).getId();
            assertThat(safety.runtime().getVariable(watch, StaffSafetyProcess.Variables.OVERDUE_REASON.name()))
                    .isEqualTo("NO_ARRIVAL_CALL");
            assertThat((String) safety.runtime().getVariable(watch, StaffSafetyProcess.Variables.BRIEFING.name()))
                    .contains("have not called to say they arrived");

            safety.checkIn(reference, CheckInType.ARRIVED, "visitor1");
            assertThat(safetyTasks(safety, reference)).as("the late arrival call closes the alarm").isEmpty();
            assertThat(safety.checkIn(reference, CheckInType.OK, "visitor1").phase()).isEqualTo("AT_ADDRESS");
            assertThat(ring.getTaskDefinitionKey()).isEqualTo(StaffSafetyProcess.Elements.OVERDUE_STEP);
        }
    }

    /** 4.4: "below 90 per cent over a period of three months": the authorities are told. */
    @Nested
    class AttendanceBelowNinetyPercentOverThreeMonths extends AbsenceScenarioSupport {

        @Test
        void leadsToALocalAuthorityTaskForTheHeadteacher4_4() {
            Pupil pupil = TriggerTestSupport.newPupil(directory, SCHOOL, false);
            LocalDate monday = LocalDate.of(2026, 11, 23);
            // Off sick every Monday since term began (Thames View's own calendar): about 80 %.
            StringBuilder register = new StringBuilder();
            for (LocalDate day = LocalDate.of(2026, 9, 2); !day.isAfter(monday); day = day.plusDays(1)) {
                register.append(TriggerTestSupport.rows(pupil.id(), calendar.of(SCHOOL), day, day,
                        day.getDayOfWeek() == DayOfWeek.MONDAY ? "I" : "/"));
            }
            TriggerTestSupport.clockAt(monday);
            TriggerTestSupport.importRows(attendanceImport, register.toString());

            evaluate(pupil, monday);
            AbsenceCases.AbsenceCase open = openCase(pupil);
            assertThat(actionsDueOn(open, monday)).contains(TriggerAction.CONSIDER_LEGAL_ACTION);

            Task legal = task(open.reference(), AbsenceCaseProcess.Elements.CONSIDER_LEGAL_ACTION);
            assertThat(taskService.getIdentityLinksForTask(legal.getId()))
                    .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Roles.HEADTEACHER));
            completeAs("head", legal, referral("refer-to-local-authority", "Local authority attendance service",
                    "Attendance about 80 % since September."));
            assertThat(cases.referrals(open.reference())).extracting(AbsenceCases.Referral::kind)
                    .contains(TriggerAction.CONSIDER_LEGAL_ACTION.name());
        }
    }
}
