package org.doorstep.schools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.records.IncidentKind;
import org.doorstep.records.Incidents;
import org.doorstep.safety.CheckInType;
import org.doorstep.safety.CheckIns;
import org.doorstep.safety.SafetyScenario;
import org.doorstep.safety.StaffSafetyProcess;
import org.doorstep.school.Pupil;
import org.doorstep.security.Roles;
import org.doorstep.trigger.AbsenceCaseProcess;
import org.doorstep.trigger.AbsenceCases;
import org.doorstep.trigger.AbsenceScenarioSupport;
import org.doorstep.trigger.TriggerAction;
import org.doorstep.visit.HomeVisitProcess;
import org.doorstep.visit.HomeVisitProcess.Elements;
import org.doorstep.visit.VisitService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Burgh School's attendance and home-visit policy (shared/policies/burgh-lincolnshire.txt,
 * policies/burgh-lincolnshire.yml), end to end with its own pupils (BUR-) and staff (bur-...).
 * Clause numbers and appendices are the policy's. Burgh has no term dates in Doorstep, so every
 * weekday is a school day (docs/triggers.md).
 */
@DoorstepTest
class BurghLincolnshirePolicyTest extends SchoolScenarios {

    static final String SCHOOL = "burgh-lincolnshire";
    static final String PUPIL_BUR = "BUR-0001";
    /** Monday; every weekday from here is a school day at Burgh. */
    static final LocalDate DAY_1 = LocalDate.of(2026, 11, 9);
    static final LocalDate DAY_3 = DAY_1.plusDays(2);
    static final LocalDate DAY_6 = DAY_1.plusDays(7);
    static final LocalDate DAY_10 = DAY_1.plusDays(11);

    @Autowired Incidents incidents;

    @Test
    void nobodyHomeMeansTheWeCalledTodayCardIsPosted9AppendixB() throws IOException {
        ProcessInstance visit = atTheDoor();
        timerFiresAfterExactly(visit, Elements.PARENT_WAIT_OVER, Duration.ofMinutes(10));

        // Appendix B: "We called today", the child's name, the date and time, how to contact the school.
        assertThat(visit).isWaitingAt(Elements.POST_NOTICE);
        assertThat(appendixBCard(visit)).contains("Time: 09:40");
        complete(visit, Elements.POST_NOTICE, answers().with(NOTICE_POSTED, true));
        // 9: discussed with the Attendance Champion / DSL.
        assertThat(visit).isWaitingAt(Elements.READ_CANCELLATION_REPORT).task()
                .hasCandidateGroup(Roles.HEADTEACHER).hasCandidateGroup(Roles.DSL);
    }

    /** Appendix B: the card's own words, the child's name, date, time and how to contact the school. */
    String appendixBCard(ProcessInstance visit) throws IOException {
        String card = pdfText(variable(visit, NOTICE_DOCUMENT_ID)).replaceAll("\\s+", " ");
        assertThat(card).contains("We called today", "SORRY WE MISSED YOU!",
                "We visited today as your child was absent from school. Please contact us as soon as possible to confirm "
                        + "they are safe, the reason for absence, and when they will return.",
                "Child's name: " + variable(visit, PUPIL_NAME), "Date: Monday 23 November 2026",
                "How to contact us: Burgh School office: 01632 962000 Email: office@burgh-lincolnshire.example",
                "If we do not hear from you promptly, we may seek advice from other professionals to make sure your child "
                        + "is safe and well.");
        return card;
    }

    /** A safe-and-well visit authorised by the headteacher (5), assessed by the staff, planned, signed out, at the door. */
    /**
     * 7: "Do not proceed if there is any reasonable doubt about safety; escalate to SLT/DSL to agree next
     * steps": no hazard ticked, so the table says low risk, but the assessor's doubt sends the visit to
     * the senior leaders or the DSL before anything is planned.
     */
    @Test
    void anyReasonableDoubtGoesToSltOrDslEvenWhenTheTableSaysLowRisk7() {
        ProcessInstance visit = visits.requestVisit(PUPIL_BUR, VisitService.SAFE_AND_WELL, "bur-visitor1");
        completeAs("bur-head", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        assertThat(formVariable(visit, Elements.ASSESS_RISK, ASSESSOR_MAY_ESCALATE)).as("the form shows the escalation").isTrue();
        completeAs("bur-visitor1", visit, Elements.ASSESS_RISK, noHazards().with(ESCALATE_FOR_SENIOR_DECISION, true)
                .with(RISK_CONTROLS, "Neighbour mentioned shouting at the house last week."));
        assertThat(variable(visit, RISK_LEVEL)).isEqualTo("low");
        assertThat(visit).isWaitingAt(Elements.SENIOR_RISK_DECISION).hasNotPassed(Elements.PLAN).task()
                .hasCandidateGroup(Roles.SENIOR_LEADERS).hasCandidateGroup(Roles.DSL);
        completeAs("bur-leader", visit, Elements.SENIOR_RISK_DECISION, answers().with(SENIOR_OUTCOME, "meetElsewhere"));
        assertThat(visit).isEnded().hasPassed(Elements.END_MEETING_INSTEAD);
    }

    /** Without the doubt, the same low-risk assessment goes straight to the plan. */
    @Test
    void withoutDoubtALowRiskVisitIsPlannedWithoutEscalation7() {
        ProcessInstance visit = visits.requestVisit(PUPIL_BUR, VisitService.SAFE_AND_WELL, "bur-visitor1");
        completeAs("bur-head", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        completeAs("bur-visitor1", visit, Elements.ASSESS_RISK, noHazards().with(ESCALATE_FOR_SENIOR_DECISION, false));
        assertThat(visit).isWaitingAt(Elements.PLAN).hasNotPassed(Elements.SENIOR_RISK_DECISION);
    }

    /**
     * 3: a home visit is "to a child's home address (or alternative agreed venue)": the plan may choose
     * another agreed venue, which must be named and given an address; that address is the visit's from then on.
     */
    @Test
    void anAlternativeAgreedVenueIsNamedAndItsAddressIsTheVisits3() {
        ProcessInstance visit = visits.requestVisit(PUPIL_BUR, VisitService.SAFE_AND_WELL, "bur-visitor1");
        completeAs("bur-head", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        completeAs("bur-visitor1", visit, Elements.ASSESS_RISK, noHazards());
        assertThat(formVariable(visit, Elements.PLAN, VENUE_CHOICE)).isTrue();
        assertThat(formVariable(visit, Elements.PLAN, VENUE_OPTIONS)).extracting(option -> option.get("value")).containsExactly("home", "other");
        Answers plan = ordinaryPlan().with(LEAD_VISITOR, "bur-visitor1").with(COMPANION_STAFF, "bur-visitor2")
                .with(VENUE_KIND, "other");
        assertThatThrownBy(() -> complete(visit, Elements.PLAN, plan))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(VENUE_NAME.name())
                .hasMessageContaining(VENUE_ADDRESS.name());
        assertThatThrownBy(() -> complete(visit, Elements.PLAN, ordinaryPlan().with(LEAD_VISITOR, "bur-visitor1")
                .with(COMPANION_STAFF, "bur-visitor2").with(VENUE_KIND, "workplace")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'workplace' is not a venue");

        complete(visit, Elements.PLAN, plan.with(VENUE_NAME, "Skegness Children's Centre")
                .with(VENUE_ADDRESS, "12 Roman Bank, Skegness PE25 2SN"));
        assertThat(variable(visit, VISIT_ADDRESS)).isEqualTo("Skegness Children's Centre, 12 Roman Bank, Skegness PE25 2SN");
        assertThat(variable(visit, HOME_ADDRESS)).isNotEqualTo(variable(visit, VISIT_ADDRESS));
        assertThat(jdbc.sql("SELECT venue_kind FROM visit WHERE reference = ?").param(visit.getBusinessKey())
                .query(String.class).single()).isEqualTo("other");
    }

    ProcessInstance atTheDoor() {
        ProcessInstance visit = signedOut();
        arrive(visit);
        return visit;
    }

    /** Authorised (5), assessed, planned and signed out with the office: the watch has started. */
    ProcessInstance signedOut() {
        ProcessInstance visit = visits.requestVisit(PUPIL_BUR, VisitService.SAFE_AND_WELL, "bur-visitor1");
        completeAs("bur-head", visit, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
        completeAs("bur-visitor1", visit, Elements.ASSESS_RISK, noHazards());
        complete(visit, Elements.PLAN, ordinaryPlan().with(LEAD_VISITOR, "bur-visitor1").with(COMPANION_STAFF, "bur-visitor2"));
        completeAs("bur-office", visit, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
        return visit;
    }

    /**
     * 8: "Remain on the ground floor and do not enter bedrooms ... leave immediately if they feel uncomfortable
     * or at risk, and call 999 if there is immediate danger." The visit carries the school's rules, each with
     * its clause, and both door forms show them.
     */
    @Test
    void groundFloorOnlyNoBedroomsLeaveIfUncomfortableAnd999AreInTheDoorForms8() throws IOException {
        ProcessInstance visit = atTheDoorWithTheParent();
        assertThat(visit).isWaitingAt(Elements.DECIDE_ENTRY);
        assertThat(rules(visit).doorGuidance()).contains(
                "- Stay on the ground floor; never go into a bedroom. Ask for animals to be shut in another room. (Burgh 8)",
                "leave at once if you feel uncomfortable or at risk", "- Call 999 if there is immediate danger. (Burgh 8)",
                "(Burgh 11)");
        assertThat(taskService.getVariableLocal(task(visit, Elements.DECIDE_ENTRY).getId(), "doorGuidance"))
                .as("the door form's words, on its task").isEqualTo(rules(visit).doorGuidance());
        for (String form : List.of("forms/decide-entry.form", "forms/see-who-answers.form")) {
            assertThat(Files.readString(Path.of(form))).as(form).contains("{{doorGuidance}}");
        }
    }

    /**
     * 4: "Carry out a dynamic risk assessment throughout every visit and withdraw if unsafe"; 8: "leave
     * immediately if they feel uncomfortable or at risk"; 11: "All incidents/near-misses must be recorded
     * and reviewed". Inside the home, staff tap "Leaving: I feel unsafe": the visit ends with that outcome,
     * the headteacher and DSL (9) get the reason in writing, an incident is on the school's list for review,
     * and the office's watch still waits for them back at school.
     */
    @Test
    void staffWhoFeelUnsafeDuringTheVisitWithdrawTheHeadIsToldAnIncidentIsRecordedAndTheWatchGoesOn4_8_11() {
        ProcessInstance visit = signedOut();
        String reference = visit.getBusinessKey();
        try (SafetyScenario safety = followTheWatch(visit, SCHOOL, PUPIL_BUR)) {
            arriveAndGoIn(safety, visit, Duration.ofMinutes(15), "bur-visitor1");
            assertThat(visit).isWaitingAt(Elements.STAFF_LEAVING);
            assertThat(CheckInType.offeredIn(StaffSafetyProcess.Phase.AT_ADDRESS)).contains(CheckInType.WITHDREW_UNSAFE);

            safety.after(Duration.ofMinutes(5));
            CheckIns.Receipt receipt = safety.checkIn(reference, CheckInType.WITHDREW_UNSAFE, "bur-visitor2");
            assertThat(receipt.phase()).as("the watch expects them back").isEqualTo("RETURNING");
            assertThat(receipt.watchEnded()).isFalse();

            assertThat(visit).hasPassed(Elements.STAFF_WITHDREW, Elements.RECORD_WITHDRAWAL)
                    .hasNotPassed(Elements.RECORD_VISIT).isWaitingAt(Elements.READ_WITHDRAWAL_REPORT)
                    .task().hasCandidateGroup(Roles.HEADTEACHER).hasCandidateGroup(Roles.DSL);
            assertThat(variable(visit, CANCELLATION_REASON)).contains("withdrew from visit " + reference, "felt unsafe",
                    "sent by bur-visitor2");
            assertThat(incidents.of(Set.of(SCHOOL))).filteredOn(incident -> reference.equals(incident.visitReference()))
                    .singleElement().satisfies(incident -> {
                        assertThat(incident.kind()).isEqualTo(IncidentKind.INCIDENT);
                        assertThat(incident.whatHappened()).contains("felt unsafe");
                        assertThat(incident.reviewedAt()).as("still to review").isNull();
                    });

            completeAs("bur-head", visit, Elements.READ_WITHDRAWAL_REPORT, answers().with(CANCELLATION_REPORT_READ, true));
            assertThat(visit).isEnded().hasPassed(Elements.END_WITHDRAWN);
            assertThat(status(visit)).isEqualTo(HomeVisitProcess.Statuses.WITHDREW_UNSAFE);

            assertThat(safety.watch(reference)).as("the watch goes on after the visit ended").isNotNull();
            assertThat(safety.checkIn(reference, CheckInType.BACK, "bur-visitor1").watchEnded()).isTrue();
        }
    }

    ProcessInstance atTheDoorWithTheParent() {
        ProcessInstance visit = atTheDoor();
        parentArrives(visit);
        return visit;
    }

    /**
     * 9: "If no one answers or entry is refused, staff will leave a 'We called today' card". The parent
     * will not let staff in: the card is produced and posted, and the written reason says so.
     */
    @Test
    void entryRefusedLeavesTheWeCalledTodayCardToo9AppendixB() throws IOException {
        ProcessInstance visit = atTheDoorWithTheParent();
        completeAs("bur-visitor1", visit, Elements.DECIDE_ENTRY, allYesAtTheDoor().with(ADULT_PRESENT_AND_INVITES, "no")
                .with(ENTRY_NOTE, "Mother would not let us in."));

        assertThat(visit).isWaitingAt(Elements.POST_NOTICE).hasPassed(Elements.PRODUCE_NOTICE)
                .hasNotPassed(Elements.VISIT_IN_PROGRESS, Elements.DSL_ACT_ON_CONCERN_AT_DOOR);
        appendixBCard(visit);
        complete(visit, Elements.POST_NOTICE, answers().with(NOTICE_POSTED, true));
        assertThat(visit).isWaitingAt(Elements.READ_CANCELLATION_REPORT);
        assertThat(variable(visit, CANCELLATION_REASON)).startsWith("Staff did not go in: no responsible adult")
                .contains("Mother would not let us in.").endsWith("The school's notice was posted through the door.");
    }

    /** 8: "leave immediately if they feel uncomfortable or at risk": nobody is asked to stay and post a card. */
    @Test
    void staffWhoFeelUnsafeLeaveWithoutPostingTheCard8() {
        ProcessInstance visit = atTheDoorWithTheParent();
        completeAs("bur-visitor1", visit, Elements.DECIDE_ENTRY, allYesAtTheDoor().with(ADULT_PRESENT_AND_INVITES, "no")
                .with(STAFF_FEEL_SAFE, "no").with(ENTRY_NOTE, "Shouting from inside; we left."));
        assertThat(visit).isWaitingAt(Elements.READ_CANCELLATION_REPORT).hasNotPassed(Elements.PRODUCE_NOTICE);
    }

    /**
     * 8, 10: "Escalate any safeguarding concerns immediately to the DSL". The parent invites staff in,
     * but what they see at the door worries them: they do not go in, and the DSL's top-priority task
     * opens at once, beside the written report to the headteacher and DSL (which leaves out what they saw).
     */
    @Test
    void aConcernSeenAtTheDoorReachesTheDslAtOnceAndTheVisitIsNotEntered8_10() {
        ProcessInstance visit = atTheDoorWithTheParent();
        completeAs("bur-visitor1", visit, Elements.DECIDE_ENTRY, allYesAtTheDoor().with(CONCERN_AT_DOOR, "yes")
                .with(CONCERN_AT_DOOR_DETAILS, "Toddler in the hallway with a bruised face, crying.")
                .with(ENTRY_NOTE, "Concern at the door, see the DSL."));

        assertThat(visit).hasNotPassed(Elements.VISIT_IN_PROGRESS, Elements.PRODUCE_NOTICE)
                .isWaitingAt(Elements.DSL_ACT_ON_CONCERN_AT_DOOR, Elements.READ_CANCELLATION_REPORT);
        Task dslTask = task(visit, Elements.DSL_ACT_ON_CONCERN_AT_DOOR);
        assertThat(dslTask.getPriority()).isEqualTo(100);
        assertThat(taskService.getIdentityLinksForTask(dslTask.getId())).extracting(link -> link.getGroupId())
                .containsExactly(Roles.DSL);
        assertThat(variable(visit, CONCERN_AT_DOOR_SUMMARY)).contains("worries them about a child");
        assertThat(variable(visit, CANCELLATION_REASON)).contains("safeguarding concern at the door")
                .doesNotContain("bruised");
        assertThat(notes.notes(visit.getBusinessKey(), true)).anySatisfy(note ->
                assertThat(note.body()).contains("Toddler in the hallway with a bruised face"));
        completeAs("bur-dsl", visit, Elements.DSL_ACT_ON_CONCERN_AT_DOOR, answers().with(DSL_DOOR_ACTION, "police"));
        assertThat(visit).hasPassed(Elements.END_DSL_ACTED_ON_CONCERN).isWaitingAt(Elements.READ_CANCELLATION_REPORT);
    }

    /** 6, Appendix A: the escalation ladder, counted in school days of unexplained absence. */
    @Nested
    class Ladder extends AbsenceScenarioSupport {

        /** A Burgh pupil in school until Day 1, then marked {@code code} every school day up to {@code lastDay}. */
        Pupil absentFromDayOne(String code, LocalDate lastDay) {
            Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, false);
            register(pupil, DAY_1, lastDay, code);
            return pupil;
        }

        @Test
        void dayThreeSafeAndWellVisitAndDaySixMandatoryVisit6_2_6_3_AppendixA() {
            Pupil pupil = absentFromDayOne("N", DAY_6);
            evaluate(pupil, DAY_1);
            AbsenceCases.AbsenceCase open = openCase(pupil);
            // 6.1, Day 1: phone, text, email.
            assertThat(actionsDueOn(open, DAY_1)).containsExactly(TriggerAction.CONTACT_ATTEMPTS);
            assertThat(homeVisits(pupil)).isEmpty();

            // 6.2, Day 3: a safe-and-well visit is requested.
            evaluate(pupil, DAY_3);
            assertThat(actionsDueOn(open, DAY_3)).contains(TriggerAction.SAFE_AND_WELL_VISIT);
            assertThat(homeVisits(pupil)).singleElement()
                    .satisfies(visit -> assertThat(visitReason(visit)).isEqualTo(VisitService.SAFE_AND_WELL));

            // 6.3, Day 6: no child seen for five school days: a visit must take place.
            evaluate(pupil, DAY_6);
            assertThat(actionsDueOn(open, DAY_6)).contains(TriggerAction.MANDATORY_VISIT);
            assertThat(homeVisits(pupil)).hasSize(2);
        }

        @Test
        void tenConsecutiveUnauthorisedDaysMeanAPnarNotificationByTheDsl_LocalReportingDuties() {
            Pupil pupil = absentFromDayOne("G", DAY_10);   // an unauthorised holiday: whereabouts known
            evaluate(pupil, DAY_10.minusDays(1));
            AbsenceCases.AbsenceCase open = openCase(pupil);
            assertThat(cases.actions(open.reference())).extracting(AbsenceCases.Action::action)
                    .doesNotContain(TriggerAction.PNAR);

            evaluate(pupil, DAY_10);
            assertThat(actionsDueOn(open, DAY_10)).contains(TriggerAction.PNAR);
            Task pnar = task(open.reference(), AbsenceCaseProcess.Elements.PNAR_NOTIFICATION);
            assertThat(taskService.getIdentityLinksForTask(pnar.getId())).extracting(link -> link.getGroupId())
                    .contains(Roles.DSL);
            completeAs("bur-dsl", pnar, referral("notified", "Lincolnshire attendance team, PNAR-10",
                    "Ten consecutive school days of G."));
            assertThat(cases.referrals(open.reference())).extracting(AbsenceCases.Referral::kind)
                    .contains(TriggerAction.PNAR.name());
        }
        /**
         * 6.3, App. A Day 6: the visit that "must take place" is not dropped by a rejection at authorisation:
         * the DSL gets the decision, and re-plans it, so a visit is under way again at once.
         */
        @Test
        void aDaySixVisitRejectedAtAuthorisationGoesToTheDslWhoRequestsItAgain6_3_AppendixADay6() {
            Pupil pupil = absentFromDayOne("N", DAY_6);
            evaluate(pupil, DAY_1);
            evaluate(pupil, DAY_3);
            evaluate(pupil, DAY_6);
            AbsenceCases.AbsenceCase open = openCase(pupil);
            AbsenceCases.Action must = latestMustVisit(open);
            assertThat(must.mustDuty()).isTrue();

            rejectAtAuthorisation(must.visitReference());

            Task decision = task(open.reference(), AbsenceCaseProcess.Elements.DECIDE_ON_MISSED_MUST_VISIT);
            assertThat(decision).as("the DSL decides; the duty does not quietly end").isNotNull();
            assertThat(taskService.getIdentityLinksForTask(decision.getId())).extracting(link -> link.getGroupId())
                    .containsExactly(Roles.DSL);
            assertThat(cases.find(open.reference()).orElseThrow().open()).isTrue();
            completeAs("bur-dsl", decision, mustVisitDecision(AbsenceCaseProcess.REPLAN, "Day 6: this visit must happen; go today."));

            AbsenceCases.Action replanned = latestMustVisit(open);
            assertThat(replanned.id()).as("the same duty, a new visit").isEqualTo(must.id());
            assertThat(replanned.visitReference()).isNotEqualTo(must.visitReference());
            assertThat(homeVisits(pupil)).extracting(ProcessInstance::getBusinessKey).contains(replanned.visitReference());
            assertThat(cases.referrals(open.reference())).singleElement().satisfies(record -> {
                assertThat(record.kind()).isEqualTo(AbsenceCaseProcess.MUST_VISIT_NOT_MADE_RECORD);
                assertThat(record.decision()).isEqualTo(AbsenceCaseProcess.REPLAN);
                assertThat(record.summary()).startsWith(must.visitReference() + " REJECTED: Day 6");
                assertThat(record.decidedBy()).isEqualTo("bur-dsl");
            });
        }

        /**
         * 6.3: "if, by Day 6, the child has not been seen ... a home visit must take place". A rejected Day-6 visit
         * the DSL does not re-plan leaves the duty open: the next evaluation raises it again while the child is
         * unseen, but never a second one while one is still open (here: awaiting the DSL, then under way).
         */
        @Test
        void aDaySixVisitIsRaisedAgainWhileTheChildIsUnseenButNeverTwiceAtOnce6_3_AppendixADay6() {
            LocalDate day7 = DAY_6.plusDays(1);
            LocalDate day8 = DAY_6.plusDays(2);
            Pupil pupil = absentFromDayOne("N", day8);
            evaluate(pupil, DAY_1);
            evaluate(pupil, DAY_3);
            evaluate(pupil, DAY_6);
            AbsenceCases.AbsenceCase open = openCase(pupil);
            AbsenceCases.Action first = latestMustVisit(open);
            rejectAtAuthorisation(first.visitReference());

            evaluate(pupil, day7);
            assertThat(mustVisits(open)).as("not raised again while the DSL decides").hasSize(1);
            completeAs("bur-dsl", task(open.reference(), AbsenceCaseProcess.Elements.DECIDE_ON_MISSED_MUST_VISIT),
                    mustVisitDecision("not-now", "Checking with the local authority first."));
            assertThat(latestMustVisit(open).unmetOn()).isEqualTo(day7);

            evaluate(pupil, day8);
            List<AbsenceCases.Action> attempts = mustVisits(open);
            assertThat(attempts).hasSize(2);
            assertThat(attempts.get(1).dueOn()).isEqualTo(day8);
            assertThat(homeVisits(pupil)).extracting(ProcessInstance::getBusinessKey).contains(attempts.get(1).visitReference());

            evaluate(pupil, day8);
            assertThat(mustVisits(open)).as("not twice while the second is under way").hasSize(2);
        }

        /**
         * App. A Day 1 "inform the DSL if safeguarding indicators are present", and CME where whereabouts cannot
         * be confirmed: the DSL's tasks open when the office records it, not at the next day's evaluation, and
         * the DSL is sent an e-mail and a text at once.
         */
        @Test
        void safeguardingIndicatorsAndWhereaboutsUnknownReachTheDslWhenTheOfficeRecordsThem_AppendixADay1() {
            Pupil pupil = absentFromDayOne("N", DAY_1);
            evaluate(pupil, DAY_1);
            AbsenceCases.AbsenceCase open = openCase(pupil);
            Map<String, Object> attempts = new HashMap<>();
            AbsenceCaseProcess.Variables.ATTEMPTED_PHONE.putInto(attempts, true);
            AbsenceCaseProcess.Variables.FAMILY_REACHED.putInto(attempts, false);
            AbsenceCaseProcess.Variables.REASON_GIVEN.putInto(attempts, false);
            AbsenceCaseProcess.Variables.WHEREABOUTS.putInto(attempts, AbsenceCaseProcess.WHEREABOUTS_UNKNOWN);
            AbsenceCaseProcess.Variables.SAFEGUARDING_CONCERN.putInto(attempts, true);
            AbsenceCaseProcess.Variables.ATTEMPT_NOTES.putInto(attempts, "Neighbour says the family left in the night.");

            completeAs("bur-office", task(open.reference(), AbsenceCaseProcess.Elements.LOG_CONTACT_ATTEMPTS), attempts);

            for (String dslTask : List.of(AbsenceCaseProcess.Elements.DSL_REVIEW, AbsenceCaseProcess.Elements.CME_REFERRAL)) {
                assertThat(task(open.reference(), dslTask)).as(dslTask + " open on Day 1").satisfies(task -> {
                    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId())
                            .containsExactly(Roles.DSL);
                    // Above the day's ordinary work in the DSL's list, below a colleague's emergency (100).
                    assertThat(task.getPriority()).isEqualTo(90);
                });
            }
            assertThat(actionsDueOn(open, DAY_1)).contains(TriggerAction.DSL_REVIEW, TriggerAction.CME_REFERRAL);
            var alerts = jdbc.sql("SELECT channel, recipient_user, subject, body FROM notification_outbox WHERE subject LIKE ?")
                    .param("%" + open.reference() + "%").query().listOfRows();
            assertThat(alerts).filteredOn(row -> "bur-dsl".equals(row.get("recipient_user")))
                    .extracting(row -> row.get("channel")).contains("EMAIL", "SMS");
            assertThat(alerts).allSatisfy(row -> assertThat((String) row.get("body")).doesNotContain("Neighbour"));
        }

        private List<AbsenceCases.Action> mustVisits(AbsenceCases.AbsenceCase open) {
            return cases.actions(open.reference()).stream().filter(a -> a.action() == TriggerAction.MANDATORY_VISIT).toList();
        }

        private AbsenceCases.Action latestMustVisit(AbsenceCases.AbsenceCase open) {
            List<AbsenceCases.Action> attempts = mustVisits(open);
            return attempts.get(attempts.size() - 1);
        }

        /** 5: the headteacher turns the visit down at authorisation. */
        private void rejectAtAuthorisation(String visitReference) {
            Map<String, Object> answers = new HashMap<>();
            AUTHORISATION_DECISION.putInto(answers, "rejected");
            AUTHORISATION_COMMENT.putInto(answers, "Not this week.");
            completeAs("bur-head", taskService.createTaskQuery().processInstanceBusinessKey(visitReference)
                    .taskDefinitionKey(Elements.AUTHORISE).singleResult(), answers);
        }

        private static Map<String, Object> mustVisitDecision(String decision, String reason) {
            Map<String, Object> form = new HashMap<>();
            AbsenceCaseProcess.Variables.MUST_VISIT_DECISION.putInto(form, decision);
            AbsenceCaseProcess.Variables.REFERRAL_SUMMARY.putInto(form, reason);
            return form;
        }
    }
}
