package org.doorstep.schools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.records.NoteKind;
import org.doorstep.records.AuditTrail;
import org.doorstep.safety.CheckInType;
import org.doorstep.safety.SafetyScenario;
import org.doorstep.safety.StaffSafetyProcess;
import org.doorstep.security.Roles;
import org.doorstep.visit.HomeVisitProcess.Elements;
import org.doorstep.workflow.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * William Lilley Infant and Nursery School's home-visit policy
 * (shared/policies/william-lilley-infant-nursery.txt, policies/william-lilley-infant-nursery.yml),
 * end to end with its own pupils (WLI-) and staff (wli-...). The policy's sections are not numbered:
 * the tests name them ("Procedures", "After the visit").
 */
@DoorstepTest
class WilliamLilleyInfantNurseryPolicyTest extends SchoolScenarios {

    static final String SCHOOL = "william-lilley-infant-nursery";
    static final String PUPIL_WLI = "WLI-0001";
    static final String EXPECTED_BACK = "2026-11-23T10:30:00Z";

    /** A support visit authorised by the headteacher, planned by wli-visitor1 with wli-visitor2, back by 10:30. */
    /** The visit happens and the staff leave, but are not back at the expected time: "contacted on the mobile phone". */
    private SafetyScenario notBackSoTheMobileIsRung(ProcessInstance visit) {
        SafetyScenario safety = followTheWatch(visit, SCHOOL, PUPIL_WLI);
        arriveAndGoIn(safety, visit, Duration.ofMinutes(15), "wli-visitor1");
        safety.checkIn(visit.getBusinessKey(), CheckInType.LEAVING, "wli-visitor2");
        officeRingsTheMobileAfterExactly(safety, visit.getBusinessKey(), Duration.ofMinutes(45));
        return safety;
    }

    ProcessInstance plannedByTwoStaff() {
        ProcessInstance visit = visits.requestVisit(PUPIL_WLI, "support", "wli-visitor1");
        completeAs("wli-head", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        completeAs("wli-visitor1", visit, Elements.ASSESS_RISK, noHazards());
        complete(visit, Elements.PLAN, ordinaryPlan().with(LEAD_VISITOR, "wli-visitor1").with(COMPANION_STAFF, "wli-visitor2")
                .with(EXPECTED_RETURN_TIME, EXPECTED_BACK));
        return visit;
    }

    /**
     * Definition: a visit to a parent or carer "in their home or place of work". The plan chooses the
     * workplace, names it and gives its address; from then on that is the one address of the visit:
     * Reception's sign-out, the audit, the visit's record, the safety watch and the office's briefing
     * when staff are not back, never the pupil's home address.
     */
    @Test
    void aMeetingAtAParentsPlaceOfWorkUsesThatAddressEverywhereDefinition() {
        ProcessInstance visit = visits.requestVisit(PUPIL_WLI, "support", "wli-visitor1");
        completeAs("wli-head", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        completeAs("wli-visitor1", visit, Elements.ASSESS_RISK, noHazards());
        String home = variable(visit, HOME_ADDRESS);
        complete(visit, Elements.PLAN, ordinaryPlan().with(LEAD_VISITOR, "wli-visitor1").with(COMPANION_STAFF, "wli-visitor2")
                .with(EXPECTED_RETURN_TIME, EXPECTED_BACK).with(VENUE_KIND, "workplace")
                .with(VENUE_NAME, "Fauxton Bakery").with(VENUE_ADDRESS, "3 Mill Lane, Fauxton FX1 2AB"));
        String workplace = "Fauxton Bakery, 3 Mill Lane, Fauxton FX1 2AB";
        String reference = visit.getBusinessKey();

        assertThat(visit).isWaitingAt(Elements.SIGN_OUT);
        assertThat(taskService.getVariable(task(visit, Elements.SIGN_OUT).getId(), VISIT_ADDRESS.name())).isEqualTo(workplace);
        completeAs("wli-office", visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
        assertThat(audit.events("visit", reference)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("VENUE_PLANNED");
            assertThat(event.detail()).contains("place of work", workplace);
        }).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("SIGNED_OUT");
            assertThat(event.detail()).contains("to " + workplace);
        });
        assertThat(jdbc.sql("SELECT venue_address FROM visit WHERE reference = ?").param(reference)
                .query(String.class).single()).isEqualTo(workplace);

        try (SafetyScenario safety = followTheWatch(visit, SCHOOL, PUPIL_WLI)) {
            assertThat(jdbc.sql("SELECT address FROM safety_watch WHERE visit_reference = ?").param(reference)
                    .query(String.class).single()).isEqualTo(workplace);
            arriveAndGoIn(safety, visit, Duration.ofMinutes(15), "wli-visitor1");
            safety.checkIn(reference, CheckInType.LEAVING, "wli-visitor2");
            Task ring = officeRingsTheMobileAfterExactly(safety, reference, Duration.ofMinutes(45));
            String briefing = (String) safety.tasks().getVariable(ring.getId(), StaffSafetyProcess.Variables.BRIEFING.name());
            assertThat(briefing).contains("**Address:** " + workplace).doesNotContain(home);
        }
    }

    @Test
    void signedOutAtReceptionWithTheExpectedReturnThenMobileHomeAndSeniorLeadersButNoPolice() {
        ProcessInstance visit = plannedByTwoStaff();

        // Procedures: "sign out at Reception", destination and expected time of return.
        assertThat(visit).isWaitingAt(Elements.SIGN_OUT).task().hasCandidateGroup(Roles.OFFICE);
        completeAs("wli-office", visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
        String reference = visit.getBusinessKey();
        assertThat(audit.events("visit", reference)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("SIGNED_OUT");
            assertThat(event.actor()).isEqualTo("wli-office");
            assertThat(event.detail()).contains("wli-visitor1", "wli-visitor2", "back by " + EXPECTED_BACK);
        });

        try (SafetyScenario safety = followTheWatch(visit, SCHOOL, PUPIL_WLI)) {
            arriveAndGoIn(safety, visit, Duration.ofMinutes(15), "wli-visitor1");
            safety.checkIn(reference, CheckInType.LEAVING, "wli-visitor2");

            // After the visit: not back at the expected time -> "contacted on the mobile phone" ...
            officeRingsTheMobileAfterExactly(safety, reference, Duration.ofMinutes(45));
            // ... then "Reception attempts the pupil's home" ...
            safety.after(Duration.ofMinutes(10));
            openStepFor(safety, reference, RING_HOME, Roles.OFFICE);
            // ... then "a member of SLT is informed to take action".
            safety.after(Duration.ofMinutes(10));
            openStepFor(safety, reference, ALERT_SENIOR_LEADERS, Roles.SENIOR_LEADERS);

            // The chain ends with the senior leaders: no police step, however long it takes.
            safety.after(Duration.ofMinutes(15));
            safety.after(Duration.ofMinutes(15));
            assertThat(openSafetyStep(safety, reference))
                    .isEqualTo(ALERT_SENIOR_LEADERS);
            assertThat(overdueStepsEverStarted(reference, CALL_POLICE)).isZero();

            // The senior leader reaches them; "sign in on return" ends the watch.
            Task open = onlySafetyTask(safety, reference);
            SignedIn.as(engine.getIdentityService(), "wli-leader", () -> safety.tasks().complete(open.getId(), Map.of(
                    StaffSafetyProcess.Variables.OVERDUE_OUTCOME.name(), StaffSafetyProcess.Outcomes.SAFE,
                    StaffSafetyProcess.Variables.OVERDUE_NOTE.name(), "Reached on the companion's phone: on the way back")));
            safety.runDueJobs();
            assertThat(safety.checkIn(reference, CheckInType.BACK, "wli-visitor1").watchEnded()).isTrue();
        }
    }

    /**
     * After the visit: "if contact is not possible, Reception staff will attempt to contact the
     * Pupil's home. If contact has not been made or there is any cause for concern, a member of SLT
     * will be informed". The mobile is answered but there is cause for concern: no home call (contact
     * was possible), SLT at once.
     */
    @Test
    void contactMadeButCauseForConcernGoesStraightToSeniorLeadersWithoutTheHomeCallAfterTheVisit() {
        ProcessInstance visit = plannedByTwoStaff();
        completeAs("wli-office", visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
        String reference = visit.getBusinessKey();
        try (SafetyScenario safety = notBackSoTheMobileIsRung(visit)) {

            recordOverdueStep(safety, reference, "wli-office", "safe", true, "Answered, sounded frightened, cut off");
            openStepFor(safety, reference, ALERT_SENIOR_LEADERS, Roles.SENIOR_LEADERS);
            assertThat(overdueStepsEverStarted(reference, RING_HOME)).isZero();
            assertThat(audit.events("visit", reference)).extracting(event -> event.action()).contains("OVERDUE_CAUSE_FOR_CONCERN");
        }
    }

    /** After the visit: "if contact is not possible", the home is rung next. */
    @Test
    void noContactOnTheMobileRingsThePupilsHomeNextAfterTheVisit() {
        ProcessInstance visit = plannedByTwoStaff();
        completeAs("wli-office", visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
        String reference = visit.getBusinessKey();
        try (SafetyScenario safety = notBackSoTheMobileIsRung(visit)) {

            recordOverdueStep(safety, reference, "wli-office", "noContact", false, "Straight to voicemail");
            Task home = openStepFor(safety, reference, RING_HOME, Roles.OFFICE);
            assertThat(home.getName()).startsWith("Ring the pupil's home: ");
        }
    }

    /**
     * Procedures: staff "sign out at Reception giving full details of destination and expected time of
     * return"; the policy asks for no arrival call (safety.arrivalCall: false). Nobody calls on the way:
     * the office is not alerted at the appointment time nor after it, only when the expected return passes.
     */
    @Test
    void noArrivalCallIsAskedSoOnTheWayOnlyTheExpectedReturnAlertsProcedures() {
        ProcessInstance visit = plannedByTwoStaff();
        completeAs("wli-office", visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
        String reference = visit.getBusinessKey();
        try (SafetyScenario safety = followTheWatch(visit, SCHOOL, PUPIL_WLI)) {
            // Signed out at 09:30 for 10:00, expected back 10:30: nothing before then, then the mobile is rung.
            officeRingsTheMobileAfterExactly(safety, reference, Duration.ofMinutes(60));
            assertThat(safety.runtime().getVariable(safety.watch(reference).getId(),
                    StaffSafetyProcess.Variables.OVERDUE_REASON.name())).isEqualTo("NOT_BACK");
        }
    }

    /**
     * Appendix 1 (Driving): "Advise team where you are going. Phone in if plan changes." Staff who turn
     * back on the way tap "Turned back" (offered only on the way): the watch expects them back at school
     * and ends when they are, and the visit is never left "departed": the lead has "Re-plan or cancel".
     * Planned again, it is signed out with a new watch; turned back a second time and cancelled, it ends.
     */
    @Test
    void staffWhoTurnBackOnTheWayPhoneInAndTheLeadReplansOrCancelsAppendix1() {
        ProcessInstance visit = plannedByTwoStaff();
        completeAs("wli-office", visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
        String reference = visit.getBusinessKey();
        try (SafetyScenario safety = followTheWatch(visit, SCHOOL, PUPIL_WLI)) {
            assertThat(CheckInType.offeredIn(StaffSafetyProcess.Phase.DEPARTED)).contains(CheckInType.TURNED_BACK)
                    .doesNotContain(CheckInType.BACK);
            safety.after(Duration.ofMinutes(10));
            assertThat(safety.checkIn(reference, CheckInType.TURNED_BACK, "wli-visitor1").phase()).isEqualTo("RETURNING");
            assertThat(jdbc.sql("SELECT status FROM visit WHERE reference = ?").param(reference).query(String.class).single())
                    .isEqualTo("TURNED_BACK");
            assertThat(visit).isWaitingAt(Elements.REPLAN_OR_CANCEL).task().isAssignedTo("wli-visitor1");
            assertThat(engine.getTaskService().getIdentityLinksForTask(task(visit, Elements.REPLAN_OR_CANCEL).getId()))
                    .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Roles.VISITING_STAFF));
            assertThat(CheckInType.offeredIn(StaffSafetyProcess.Phase.RETURNING)).contains(CheckInType.BACK);
            assertThat(safety.checkIn(reference, CheckInType.BACK, "wli-visitor1").watchEnded()).isTrue();

            completeAs("wli-visitor1", visit, Elements.REPLAN_OR_CANCEL, answers()
                    .with(TURNED_BACK_DECISION, "replan").with(TURNED_BACK_REASON, "Road closed by an accident"));
            assertThat(visit).isWaitingAt(Elements.PLAN);
            complete(visit, Elements.PLAN, ordinaryPlan().with(LEAD_VISITOR, "wli-visitor1").with(COMPANION_STAFF, "wli-visitor2")
                    .with(EXPECTED_RETURN_TIME, EXPECTED_BACK));
            completeAs("wli-office", visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
            safety.follow(reference, safety.now());
            assertThat(safety.checkIn(reference, CheckInType.TURNED_BACK, "wli-visitor2").watchEnded()).isFalse();

            completeAs("wli-visitor1", visit, Elements.REPLAN_OR_CANCEL, answers()
                    .with(TURNED_BACK_DECISION, "cancel").with(TURNED_BACK_REASON, "The family moved; meeting at school instead"));
            assertThat(visit).isEnded().hasPassed(Elements.END_CANCELLED_ON_THE_WAY);
            assertThat(safety.checkIn(reference, CheckInType.BACK, "wli-visitor2").watchEnded()).isTrue();
        }
    }

    /**
     * During: "If you are concerned that a child/young person is in the home inappropriately alone/unsupervised
     * contact the school's safeguarding team straight away". A child answers the door alone: staff do not go
     * in, and the DSL has a top-priority task at once, in their "Safety alerts", with what staff saw in the
     * need-to-know notes; William Lilley reports cancellations to the headteacher, who still gets the report.
     */
    @Test
    void aChildAloneAtHomeReachesTheSafeguardingTeamStraightAwayDuring() {
        ProcessInstance visit = visits.requestVisit(PUPIL_WLI, "support", "wli-visitor1");
        completeAs("wli-head", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        completeAs("wli-visitor1", visit, Elements.ASSESS_RISK, noHazards());
        complete(visit, Elements.PLAN, ordinaryPlan().with(LEAD_VISITOR, "wli-visitor1").with(COMPANION_STAFF, "wli-visitor2"));
        completeAs("wli-office", visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
        arrive(visit);
        completeAs("wli-visitor1", visit, Elements.WAIT_FOR_PARENT, answers().with(PARENT_ARRIVAL, "onlyAChild"));
        completeAs("wli-visitor1", visit, Elements.DECIDE_ENTRY, allYesAtTheDoor()
                .with(ADULT_PRESENT_AND_INVITES, "no").with(NOT_ONLY_CHILD_AT_HOME, "no")
                .with(CONCERN_AT_DOOR_DETAILS, "A boy of about five opened the door; said mummy went out this morning.")
                .with(ENTRY_NOTE, "Only a child answered the door."));

        assertThat(visit).hasNotPassed(Elements.VISIT_IN_PROGRESS)
                .isWaitingAt(Elements.DSL_ACT_ON_CONCERN_AT_DOOR, Elements.READ_CANCELLATION_REPORT);
        Task dslTask = task(visit, Elements.DSL_ACT_ON_CONCERN_AT_DOOR);
        assertThat(taskService.getIdentityLinksForTask(dslTask.getId())).extracting(link -> link.getGroupId())
                .containsExactly(Roles.DSL);
        assertThat(dslTask.getPriority()).isEqualTo(100);
        assertThat(safetyAlertsOf("wli-dsl")).extracting(Task::getId).contains(dslTask.getId());
        assertThat(variable(visit, CONCERN_AT_DOOR_SUMMARY)).contains("Only a child was at home");
        assertThat(runtimeService.getVariables(visit.getId())).doesNotContainKey(CONCERN_AT_DOOR_DETAILS.name());
        assertThat(notes.notes(visit.getBusinessKey(), true)).anySatisfy(note -> {
            assertThat(note.kind()).isEqualTo(NoteKind.SAFEGUARDING);
            assertThat(note.body()).contains("said mummy went out this morning");
        });
        assertThat(notes.notes(visit.getBusinessKey(), false)).noneSatisfy(note ->
                assertThat(note.body()).contains("mummy"));
        assertThat(audit.events("visit", visit.getBusinessKey())).extracting(AuditTrail.AuditEvent::action)
                .contains("SAFEGUARDING_CONCERN_AT_DOOR");
        // Beyond Tasklist too: an e-mail and a text to the DSL, queued with the task, without what staff saw.
        var alerts = jdbc.sql("SELECT channel, recipient_user, subject, body FROM notification_outbox WHERE visit_reference = ?")
                .param(visit.getBusinessKey()).query().listOfRows();
        assertThat(alerts).filteredOn(row -> "wli-dsl".equals(row.get("recipient_user")))
                .extracting(row -> row.get("channel")).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(alerts).allSatisfy(row -> {
            assertThat((String) row.get("subject")).contains("SAFEGUARDING");
            assertThat((String) row.get("body")).contains("Only a child was at home", "07700 900004").doesNotContain("mummy");
        });
        // The headteacher's written report is not the DSL's route: it still goes to them alone.
        assertThat(task(visit, Elements.READ_CANCELLATION_REPORT)).satisfies(report -> assertThat(
                taskService.getIdentityLinksForTask(report.getId())).extracting(link -> link.getGroupId())
                .containsExactly(Roles.HEADTEACHER));

        completeAs("wli-dsl", visit, Elements.DSL_ACT_ON_CONCERN_AT_DOOR, answers().with(DSL_DOOR_ACTION, "referral"));
        completeAs("wli-head", visit, Elements.READ_CANCELLATION_REPORT, answers().with(CANCELLATION_REPORT_READ, true));
        assertThat(visit).isEnded().hasPassed(Elements.END_DSL_ACTED_ON_CONCERN, Elements.END_CANCELLED);
        assertThat(status(visit)).isEqualTo("CANCELLED");
    }

    /** The tasks in the user's "Safety alerts" filter of Tasklist, as they see them. */
    List<Task> safetyAlertsOf(String userId) {
        List<Task> alerts = new ArrayList<>();
        String filterId = engine.getFilterService().createFilterQuery().filterName("Safety alerts").singleResult().getId();
        SignedIn.as(engine.getIdentityService(), userId, () -> alerts.addAll(engine.getFilterService().list(filterId)));
        return alerts;
    }
}
