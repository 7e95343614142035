package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_PHONE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_TEXT;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.FAMILY_REACHED;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REASON_GIVEN;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REFERRAL_DECISION;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REFERRAL_SENT_TO;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REFERRAL_SUMMARY;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.SAFEGUARDING_CONCERN;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.WHEREABOUTS;
import static org.doorstep.trigger.TriggerTestSupport.SCHOOL;
import static org.doorstep.trigger.TriggerTestSupport.clockAt;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.school.Pupil;
import org.doorstep.security.Roles;
import org.doorstep.visit.ChildSeenOnVisit;
import org.doorstep.visit.HomeVisitProcess;
import org.doorstep.visit.VisitService;
import org.doorstep.workflow.EngineClock;
import org.doorstep.workflow.FormDisplay;
import org.doorstep.workflow.SensitiveHistory;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The absence case from Day 1 to each of its outcomes. */
@DoorstepTest
class AbsenceCaseScenarioTest extends AbsenceScenarioSupport {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;


    static final LocalDate DAY_1 = LocalDate.of(2026, 11, 30);   // Monday, no closure that week
    static final LocalDate DAY_2 = DAY_1.plusDays(1);
    static final LocalDate DAY_3 = DAY_1.plusDays(2);

    @Test
    void aHomeVisitThatSeesTheChildEndsTheEpisode() {
        Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, false);
        register(pupil, DAY_1, DAY_1, "N");
        evaluate(pupil, DAY_1);
        AbsenceCases.AbsenceCase open = openCase(pupil);

        events.publishEvent(new ChildSeenOnVisit("HV-LAD-00001", pupil.id(),
                DAY_1.atTime(14, 0).atZone(EngineClock.SCHOOL_ZONE).toInstant(), "visitor1"));

        // The episode closes; work already open (here the Day 1 contact task) stays to be finished.
        assertThat(caseInstance(open)).hasPassed(AbsenceCaseProcess.Elements.CLOSE);
        assertThat(cases.find(open.reference()).orElseThrow().closeReason()).isEqualTo("seen on home visit HV-LAD-00001");
        assertThat(cases.openCase(pupil.id())).isEmpty();
    }

    @Test
    void theFamilyIsReachedOnDayOneAndTheCaseClosesWhenTheChildIsBack() {
        Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, false);
        register(pupil, DAY_1, DAY_1, "N");
        evaluate(pupil, DAY_1);
        AbsenceCases.AbsenceCase open = openCase(pupil);
        ProcessInstance instance = caseInstance(open);
        assertThat(instance).isWaitingAt(AbsenceCaseProcess.Elements.WAIT_FOR_CHILD, AbsenceCaseProcess.Elements.LOG_CONTACT_ATTEMPTS);
        Task contact = task(open.reference(), AbsenceCaseProcess.Elements.LOG_CONTACT_ATTEMPTS);
        assertThat(taskService.getIdentityLinksForTask(contact.getId())).anySatisfy(link ->
                assertThat(link.getGroupId()).isEqualTo(Roles.OFFICE));
        // Tasklist's card says whose case it is, so the office tells one family's card from another's.
        assertThat(contact.getName()).isEqualTo("Log contact attempts: " + pupil.fullName() + " (" + open.reference() + ")");
        // Its form shows the day the case opened as staff write it, not an ISO date.
        assertThat(taskService.getVariableLocal(contact.getId(), AbsenceCaseFormWords.DISPLAY_OPENED_ON))
                .isEqualTo(FormDisplay.day(open.openedOn())).asString().doesNotContain("-");

        completeAs("office", contact, contactForm(true, true, "known", false));
        register(pupil, DAY_2, DAY_2, "I");
        evaluate(pupil, DAY_2);
        register(pupil, DAY_3, DAY_3, "/");
        evaluate(pupil, DAY_3);

        assertThat(cases.contactAttempts(open.reference())).singleElement().satisfies(attempt -> {
            assertThat(attempt.methods()).isEqualTo("phone, text");
            assertThat(attempt.reached()).isTrue();
            assertThat(attempt.attemptedBy()).isEqualTo("office");
        });
        assertThat(cases.actions(open.reference())).extracting(AbsenceCases.Action::action).containsExactly(TriggerAction.CONTACT_ATTEMPTS);
        assertThat(instance).isEnded().hasPassed(AbsenceCaseProcess.Elements.CLOSE);
        AbsenceCases.AbsenceCase closed = cases.find(open.reference()).orElseThrow();
        assertThat(closed.open()).isFalse();
        assertThat(closed.closeReason()).isEqualTo("seen in school on " + DAY_3);
        assertThat(cases.openCase(pupil.id())).isEmpty();
    }

    @Test
    void safeguardingIndicatorsBringTheDslWhoRefersAndAsksForAWelfareCheck() throws Exception {
        Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, false);
        register(pupil, DAY_1, DAY_2, "N");
        evaluate(pupil, DAY_1);
        AbsenceCases.AbsenceCase open = openCase(pupil);
        completeAs("office", task(open.reference(), AbsenceCaseProcess.Elements.LOG_CONTACT_ATTEMPTS),
                contactForm(false, false, "known", true));

        evaluate(pupil, DAY_2);
        Task review = task(open.reference(), AbsenceCaseProcess.Elements.DSL_REVIEW);
        assertThat(taskService.getIdentityLinksForTask(review.getId())).anySatisfy(link ->
                assertThat(link.getGroupId()).isEqualTo(Roles.DSL));
        completeAs("dsl", review, referralForm("both", "Children's services front door, ref CS-1", "Bruise seen on Day 0; no contact since."));

        List<AbsenceCases.Referral> referrals = cases.referrals(open.reference());
        assertThat(referrals).extracting(AbsenceCases.Referral::kind)
                .containsExactly(RecordAbsenceReferral.SAFEGUARDING_REFERRAL, RecordAbsenceReferral.POLICE_WELFARE_CHECK);
        assertThat(referrals).allSatisfy(r -> assertThat(r.decidedBy()).isEqualTo("dsl"));
        assertThat(runtimeService.getVariables(open.processInstanceId()))
                .as("the summary lives in the record, not the process").doesNotContainKey(REFERRAL_SUMMARY.name());
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(open.processInstanceId())
                .variableUpdates().list()).as("nor in its history")
                .filteredOn(detail -> ((HistoricVariableUpdate) detail).getVariableName().equals(REFERRAL_SUMMARY.name()))
                .isNotEmpty().allSatisfy(detail -> assertThat(((HistoricVariableUpdate) detail).getValue())
                        .isEqualTo(SensitiveHistory.REDACTED));

        String pdfPath = "/api/absence-cases/" + open.reference() + "/referrals/" + referrals.get(0).id() + "/summary.pdf";
        HttpResponse<byte[]> pdf = get("dsl", pdfPath);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("safeguarding referral").contains(pupil.fullName()).contains("CS-1").contains("dsl");
        }
        assertThat(get("office", pdfPath).statusCode()).isEqualTo(403);
    }

    @Test
    void whereaboutsUnknownLeadsToAChildrenMissingEducationReferral() {
        Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, false);
        register(pupil, DAY_1, DAY_2, "N");
        evaluate(pupil, DAY_1);
        AbsenceCases.AbsenceCase open = openCase(pupil);
        completeAs("office", task(open.reference(), AbsenceCaseProcess.Elements.LOG_CONTACT_ATTEMPTS),
                contactForm(false, false, AbsenceCaseProcess.WHEREABOUTS_UNKNOWN, false));

        evaluate(pupil, DAY_2);
        completeAs("dsl", task(open.reference(), AbsenceCaseProcess.Elements.CME_REFERRAL),
                referralForm("referred", "CME officer, ref CME-7", "Family not at the address; neighbours say they moved."));

        assertThat(cases.referrals(open.reference())).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(TriggerAction.CME_REFERRAL.name());
            assertThat(r.decision()).isEqualTo("referred");
            assertThat(r.sentTo()).isEqualTo("CME officer, ref CME-7");
        });
        assertThat(caseInstance(open)).hasPassed(AbsenceCaseProcess.Elements.CME_REFERRAL);
    }

    @Test
    void tenConsecutiveUnauthorisedDaysLeadToAPnarNotificationAndLegalActionIsConsidered() {
        LocalDate firstDay = LocalDate.of(2026, 11, 16);
        LocalDate tenthDay = LocalDate.of(2026, 11, 27);
        Pupil pupil = pupilPresentUntil(SCHOOL, firstDay, false);
        register(pupil, firstDay, tenthDay, "G");   // a holiday the school did not grant: whereabouts known

        evaluate(pupil, tenthDay);
        AbsenceCases.AbsenceCase open = openCase(pupil);
        assertThat(actionsDueOn(open, tenthDay)).containsExactlyInAnyOrder(TriggerAction.PNAR, TriggerAction.CONSIDER_LEGAL_ACTION);
        assertThat(homeVisits(pupil)).as("known holiday: nobody to visit").isEmpty();

        completeAs("dsl", task(open.reference(), AbsenceCaseProcess.Elements.PNAR_NOTIFICATION),
                referralForm("notified", "Local authority attendance team, ref PNAR-3", "Ten consecutive G days."));
        Task legal = task(open.reference(), AbsenceCaseProcess.Elements.CONSIDER_LEGAL_ACTION);
        assertThat(taskService.getIdentityLinksForTask(legal.getId())).anySatisfy(link ->
                assertThat(link.getGroupId()).isEqualTo(Roles.HEADTEACHER));
        completeAs("head", legal, referralForm("refer-to-local-authority", "LA legal team", "Unauthorised holiday of two weeks."));

        assertThat(cases.referrals(open.reference())).extracting(AbsenceCases.Referral::kind)
                .containsExactly(TriggerAction.PNAR.name(), TriggerAction.CONSIDER_LEGAL_ACTION.name());
    }

    @Test
    void runningTheSameDayTwiceOpensNoSecondCaseAndNoSecondVisit() {
        Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, false);
        register(pupil, DAY_1, DAY_3, "N");
        evaluate(pupil, DAY_1);
        evaluate(pupil, DAY_3);

        AbsenceEvaluation.Report again = evaluate(pupil, DAY_3);

        assertThat(again.errors()).isZero();
        assertThat(cases.cases(pupil.id())).hasSize(1);
        assertThat(cases.actions(openCase(pupil).reference())).extracting(AbsenceCases.Action::action)
                .containsExactly(TriggerAction.CONTACT_ATTEMPTS, TriggerAction.SAFE_AND_WELL_VISIT);
        assertThat(homeVisits(pupil)).hasSize(1);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(openCase(pupil).reference())
                .taskDefinitionKey(AbsenceCaseProcess.Elements.LOG_CONTACT_ATTEMPTS).count()).isEqualTo(1);
    }

    @Test
    void whereThePolicyAsksForAVisitListVisitsWaitUntilItIsSigned() {
        String school = "thames-view-junior";   // Thames View 3.2-3.3: list signed by the Headteacher
        Pupil pupil = TriggerTestSupport.newPupil(directory, school, false);
        register(pupil, LocalDate.of(2026, 11, 2), DAY_1.minusDays(1), "/");
        register(pupil, DAY_1, DAY_3, "O");
        evaluate(pupil, DAY_1);
        evaluate(pupil, DAY_3);

        assertThat(homeVisits(pupil)).as("held for the list").isEmpty();
        assertThat(visitLists.entries(school)).filteredOn(e -> e.pupilId().equals(pupil.id()))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(VisitLists.HELD));

        String list = visitLists.compile(school, DAY_3).orElseThrow();
        Task sign = taskService.createTaskQuery().processInstanceBusinessKey(list)
                .taskDefinitionKey(WeeklyVisitListProcess.Elements.SIGN).singleResult();
        assertThat(taskService.getIdentityLinksForTask(sign.getId())).anySatisfy(link ->
                assertThat(link.getGroupId()).isEqualTo(Roles.HEADTEACHER));
        assertThat(sign.getName()).isEqualTo("Sign the visit list: 1 visit (" + list + ")");
        assertThat((String) taskService.getVariable(sign.getId(), WeeklyVisitListProcess.Variables.VISIT_LIST_TEXT.name()))
                .contains(pupil.fullName()).contains("1 Test Street").contains("07700 900999").contains(DAY_3 + " PM O");
        assertThat(homeVisits(pupil)).isEmpty();

        Map<String, Object> signed = new HashMap<>();
        WeeklyVisitListProcess.Variables.DECISION.putInto(signed, WeeklyVisitListProcess.SIGNED);
        completeAs("head", sign, signed);

        assertThat(homeVisits(pupil)).singleElement().satisfies(visit ->
                assertThat(visitReason(visit)).isEqualTo(VisitService.SAFE_AND_WELL));
        assertThat(visitLists.entriesOnList(list)).filteredOn(e -> e.pupilId().equals(pupil.id())).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(VisitLists.REQUESTED);
            assertThat(e.visitReference()).startsWith("HV-");
        });
    }

    @Test
    void aVisitListReturnedUnsignedKeepsItsVisitsHeld() {
        String school = "thames-view-junior";
        Pupil pupil = TriggerTestSupport.newPupil(directory, school, true);
        register(pupil, LocalDate.of(2026, 11, 2), DAY_1.minusDays(1), "/");
        register(pupil, DAY_1, DAY_2, "N");
        evaluate(pupil, DAY_1);
        evaluate(pupil, DAY_2);
        String list = visitLists.compile(school, DAY_2).orElseThrow();

        Map<String, Object> returned = new HashMap<>();
        WeeklyVisitListProcess.Variables.DECISION.putInto(returned, "returned");
        WeeklyVisitListProcess.Variables.COMMENT.putInto(returned, "Talk to me first");
        completeAs("head", taskService.createTaskQuery().processInstanceBusinessKey(list).singleResult(), returned);

        assertThat(homeVisits(pupil)).isEmpty();
        assertThat(visitLists.entriesOnList(list)).isEmpty();
        assertThat(visitLists.entries(school)).filteredOn(e -> e.pupilId().equals(pupil.id()))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(VisitLists.HELD));
    }

    /**
     * Thames View 3.2-3.3 with the statutory "no more than five school days unseen" (triggers.mustVisits, as
     * Burgh App. A Day 6): the visit that must happen starts at once instead of waiting for Monday's list, and
     * the list still shows it to the headteacher; the Day 3 visit still waits for the signature.
     */
    @Test
    void thamesView3_3_aVisitThatMustHappenDoesNotWaitForTheWeeklyListButIsShownOnIt() {
        String school = "thames-view-junior";
        Pupil pupil = TriggerTestSupport.newPupil(directory, school, false);
        LocalDate day6 = DAY_1.plusDays(7);
        register(pupil, LocalDate.of(2026, 11, 2), DAY_1.minusDays(1), "/");
        register(pupil, DAY_1, day6, "O");
        evaluate(pupil, DAY_1);
        evaluate(pupil, DAY_3);
        assertThat(homeVisits(pupil)).as("the Day 3 visit waits for the list").isEmpty();

        evaluate(pupil, day6);

        AbsenceCases.Action must = cases.actions(openCase(pupil).reference()).stream()
                .filter(a -> a.action() == TriggerAction.MANDATORY_VISIT).findFirst().orElseThrow();
        assertThat(must.mustDuty()).isTrue();
        assertThat(homeVisits(pupil)).as("started without the list").singleElement()
                .satisfies(visit -> assertThat(visit.getBusinessKey()).isEqualTo(must.visitReference()));
        assertThat(visitLists.entries(school)).filteredOn(e -> e.pupilId().equals(pupil.id()))
                .extracting(VisitLists.Entry::status).containsExactly(VisitLists.HELD, VisitLists.STARTED_AT_ONCE);

        String list = visitLists.compile(school, day6).orElseThrow();
        Task sign = taskService.createTaskQuery().processInstanceBusinessKey(list)
                .taskDefinitionKey(WeeklyVisitListProcess.Elements.SIGN).singleResult();
        assertThat((String) taskService.getVariable(sign.getId(), WeeklyVisitListProcess.Variables.VISIT_LIST_TEXT.name()))
                .contains(must.visitReference() + ", already started: the policy says this visit must happen");
        Map<String, Object> signed = new HashMap<>();
        WeeklyVisitListProcess.Variables.DECISION.putInto(signed, WeeklyVisitListProcess.SIGNED);
        completeAs("head", sign, signed);

        assertThat(homeVisits(pupil)).as("the signature starts the held visit only, not the must visit twice").hasSize(2);
    }

    /**
     * Thames View 3.3 "approved and signed by the Headteacher before any visits occur": a visit requested
     * directly (POST /api/visits) waits on the weekly list like a ladder visit and starts, under the reference
     * it was given, once the list is signed.
     */
    @Test
    void thamesView3_3_aVisitRequestedDirectlyWaitsOnTheWeeklyListUntilItIsSigned() throws Exception {
        String school = "thames-view-junior";
        Pupil pupil = TriggerTestSupport.newPupil(directory, school, false);
        clockAt(DAY_1);

        HttpResponse<String> requested = call("office", "/api/visits", r -> r.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pupilId\":\"" + pupil.id() + "\",\"reason\":\"attendance\"}")),
                HttpResponse.BodyHandlers.ofString());

        assertThat(requested.statusCode()).isEqualTo(201);
        assertThat(requested.body()).contains("\"status\":\"" + VisitService.AWAITING_LIST + "\"");
        assertThat(homeVisits(pupil)).as("nothing starts before the signature").isEmpty();
        VisitLists.Entry held = visitLists.entries(school).stream().filter(e -> e.pupilId().equals(pupil.id()))
                .findFirst().orElseThrow();
        assertThat(held.status()).isEqualTo(VisitLists.HELD);
        assertThat(requested.body()).contains(held.visitReference());

        String list = visitLists.compile(school, DAY_1).orElseThrow();
        Map<String, Object> signed = new HashMap<>();
        WeeklyVisitListProcess.Variables.DECISION.putInto(signed, WeeklyVisitListProcess.SIGNED);
        completeAs("head", taskService.createTaskQuery().processInstanceBusinessKey(list).singleResult(), signed);

        assertThat(homeVisits(pupil)).singleElement().satisfies(visit -> {
            assertThat(visit.getBusinessKey()).isEqualTo(held.visitReference());
            assertThat(visitReason(visit)).isEqualTo("attendance");
            // Who asked is kept on the visit's row, not in the process.
            assertThat(jdbc.sql("SELECT requested_by FROM visit WHERE reference = ?").param(visit.getBusinessKey())
                    .query(String.class).single()).isEqualTo("office");
        });
        assertThat(visitLists.entriesOnList(list)).filteredOn(e -> e.pupilId().equals(pupil.id()))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(VisitLists.REQUESTED));
    }

    @Test
    void theOfficeCanRunTheEvaluationByHand() throws Exception {
        Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, false);
        register(pupil, DAY_1, DAY_1, "N");
        String path = "/api/attendance/evaluation?school=" + SCHOOL + "&date=" + DAY_1;

        HttpResponse<String> office = call("office", path, r -> r.POST(HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> visitor = call("visitor1", path, r -> r.POST(HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString());

        assertThat(office.statusCode()).isEqualTo(200);
        assertThat(office.body()).contains("\"errors\":0");
        assertThat(actionsDueOn(openCase(pupil), DAY_1)).containsExactly(TriggerAction.CONTACT_ATTEMPTS);
        assertThat(visitor.statusCode()).isEqualTo(403);
    }

    private static Map<String, Object> contactForm(boolean reached, boolean reasonGiven, String whereabouts, boolean concern) {
        Map<String, Object> form = new HashMap<>();
        ATTEMPTED_PHONE.putInto(form, true);
        ATTEMPTED_TEXT.putInto(form, true);
        FAMILY_REACHED.putInto(form, reached);
        REASON_GIVEN.putInto(form, reasonGiven);
        WHEREABOUTS.putInto(form, whereabouts);
        SAFEGUARDING_CONCERN.putInto(form, concern);
        return form;
    }

    private static Map<String, Object> referralForm(String decision, String sentTo, String summary) {
        Map<String, Object> form = new HashMap<>();
        REFERRAL_DECISION.putInto(form, decision);
        REFERRAL_SENT_TO.putInto(form, sentTo);
        REFERRAL_SUMMARY.putInto(form, summary);
        return form;
    }

    private HttpResponse<byte[]> get(String user, String path) throws Exception {
        return call(user, path, HttpRequest.Builder::GET, HttpResponse.BodyHandlers.ofByteArray());
    }
}
