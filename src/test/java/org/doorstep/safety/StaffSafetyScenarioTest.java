package org.doorstep.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doorstep.safety.StaffSafetyProcess.Elements.CALL_POLICE_NOW;
import static org.doorstep.safety.StaffSafetyProcess.Variables.BRIEFING;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_NOTE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_OUTCOME;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_REASON;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doorstep.DoorstepTest;
import org.doorstep.notification.LoggingSmsGateway;
import org.doorstep.notification.Outbox;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.AuditTrail.AuditEvent;
import org.doorstep.safety.CheckInRefusedException.Reason;
import org.doorstep.school.Contact;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.Roles;
import org.doorstep.visit.VisitDeparted;
import org.doorstep.visit.VisitDeparted.Person;
import org.doorstep.workflow.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The watch's scenarios from issue 4, on the engine clock (Thames View: check in every 20 minutes,
 * reminder 2 minutes before; chain RING_MOBILE 10m, RING_HOME 10m, ALERT_SENIOR_LEADERS 15m,
 * CALL_POLICE 15m).
 */
@DoorstepTest
class StaffSafetyScenarioTest {

    static final Duration INTERVAL = Duration.ofMinutes(20);
    /** The actions of the defaults' catalogue, as the chain names them. */
    static final String CALL_VISITING_STAFF = "RING_MOBILE";
    static final String RING_PUPILS_HOME = "RING_HOME";
    static final String ALERT_SENIOR_LEADERS = "ALERT_SENIOR_LEADERS";
    static final String CALL_POLICE = "CALL_POLICE";

    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CheckIns checkIns;
    @Autowired
    AuditTrail audit;
    @Autowired
    LoggingSmsGateway sms;
    @Autowired
    Outbox outbox;
    @Autowired
    IdentityService identityService;
    @Autowired
    SchoolDirectory directory;

    SafetyScenario scenario;

    @BeforeEach
    void start() {
        BpmnAwareTests.init(engine);
        scenario = new SafetyScenario(engine, events, jdbc, checkIns);
    }

    @AfterEach
    void finish() {
        scenario.close();
    }

    @Test
    void checkInsOnTimeNeverAlert() {
        String visit = scenario.depart(Duration.ofHours(2), "visitor1", "visitor2");
        ProcessInstance watch = scenario.watch(visit);
        assertThat(watch).isStarted().isWaitingAt(StaffSafetyProcess.Elements.TRAVELLING);
        scenario.after(Duration.ofMinutes(15));
        scenario.checkIn(visit, CheckInType.ARRIVED, "visitor1");
        assertThat(watch).isWaitingAt(StaffSafetyProcess.Elements.AT_ADDRESS_WAITING);
        for (int i = 0; i < 4; i++) {
            scenario.after(Duration.ofMinutes(17));
            scenario.checkIn(visit, CheckInType.OK, i % 2 == 0 ? "visitor1" : "visitor2");
        }
        scenario.after(Duration.ofMinutes(10));
        scenario.checkIn(visit, CheckInType.LEAVING, "visitor2");
        scenario.after(Duration.ofMinutes(15));
        CheckIns.Receipt back = scenario.checkIn(visit, CheckInType.BACK, "visitor1");

        assertThat(back.watchEnded()).isTrue();
        assertThat(watch).hasPassed(StaffSafetyProcess.Elements.WATCH_CLOSED).isEnded();
        assertThat(scenario.tasksEverCreated(visit)).isZero();
        assertThat(actions(visit)).doesNotContain("STAFF_OVERDUE", "CHECK_IN_REMINDER_SENT")
                .containsSubsequence("SAFETY_WATCH_STARTED", "CHECK_IN_ARRIVED", "CHECK_IN_OK", "CHECK_IN_LEAVING",
                        "CHECK_IN_BACK", "SAFETY_WATCH_CLOSED");
        assertThat(checkIns.checkIns(visit)).hasSize(7);
    }

    @Test
    void aReminderReachesTheStaffShortlyBeforeTheCheckInIsDue() {
        String visit = arrivedAtTheAddress();
        scenario.after(INTERVAL.minusMinutes(2).minusSeconds(1));
        outbox.deliverDue();
        assertThat(textsAbout(visit)).isEmpty();
        scenario.after(Duration.ofSeconds(1));
        outbox.deliverDue();
        assertThat(textsAbout(visit)).allSatisfy(text -> assertThat(text).contains("check-in is due in 2 min"));
        // The plan gives both the one phone they carry: one text to it, none to the directory's mobiles.
        assertThat(mobilesTexted(visit)).containsExactly(SafetyScenario.PLAN_MOBILE);
        scenario.checkIn(visit, CheckInType.OK, "visitor1");
        scenario.after(Duration.ofMinutes(5));
        assertThat(scenario.tasksEverCreated(visit)).isZero();
    }

    @Test
    void theReminderGoesToTheMobileThePlanGave_theDirectorysOnlyWhereThePlanGaveNone() {
        String planMobile = "07700 900123";
        String visit = scenario.depart(Duration.ofHours(2), List.of(new Person("visitor1", "visitor1", null, planMobile),
                new Person("visitor2", "visitor2", null, null)));
        scenario.checkIn(visit, CheckInType.ARRIVED, "visitor1");
        scenario.after(INTERVAL.minusMinutes(2));
        outbox.deliverDue();

        assertThat(planMobile).isNotEqualTo(directory.staff("visitor1").orElseThrow().mobile());
        assertThat(mobilesTexted(visit)).containsExactlyInAnyOrder(planMobile, directory.staff("visitor2").orElseThrow().mobile());
    }

    @Test
    void aMissedCheckInAlertsTheOfficeOnceAtTheDueTime() {
        String visit = arrivedAtTheAddress();
        scenario.after(INTERVAL.minusSeconds(1));
        assertThat(scenario.openTasks(visit)).isEmpty();

        scenario.after(Duration.ofSeconds(1));
        List<Task> tasks = scenario.openTasks(visit);
        assertThat(tasks).hasSize(1);
        Task call = tasks.get(0);
        assertThat(call.getTaskDefinitionKey()).isEqualTo(StaffSafetyProcess.Elements.OVERDUE_STEP);
        assertThat(call.getName()).startsWith("Call the visiting staff: ");
        assertThat(candidateGroups(call)).containsExactly(Roles.OFFICE);
        String briefing = (String) scenario.tasks().getVariable(call.getId(), BRIEFING.name());
        assertThat(briefing).contains(asPlanned("visitor1"), asPlanned("visitor2"), "12 Test Street", "Car: Ford Fiesta ZZ24 DSP", "Last contact:** Mon 2 Mar 09:15 (Arrived)");
        assertThat(scenario.runtime().getVariable(call.getProcessInstanceId(), OVERDUE_REASON.name())).isEqualTo("MISSED_CHECK_IN");

        scenario.runDueJobs();
        scenario.after(Duration.ofMinutes(9));
        assertThat(scenario.openTasks(visit)).hasSize(1);
        assertThat(scenario.tasksEverCreated(visit)).isEqualTo(1);
        assertThat(actions(visit).stream().filter("STAFF_OVERDUE"::equals)).hasSize(1);
    }

    @Test
    void eachStepOfTheChainEscalatesAtItsDeadline() {
        String visit = arrivedAtTheAddress();
        scenario.after(INTERVAL);
        assertThat(openStep(visit)).isEqualTo(CALL_VISITING_STAFF);
        scenario.after(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(openStep(visit)).isEqualTo(CALL_VISITING_STAFF);
        scenario.after(Duration.ofSeconds(1));
        assertThat(openStep(visit)).isEqualTo(RING_PUPILS_HOME);
        assertThat((String) scenario.tasks().getVariable(scenario.openTasks(visit).get(0).getId(), BRIEFING.name()))
                .contains(homeContact());
        scenario.after(Duration.ofMinutes(10));
        assertThat(openStep(visit)).isEqualTo(ALERT_SENIOR_LEADERS);
        assertThat(candidateGroups(scenario.openTasks(visit).get(0))).containsExactly(Roles.SENIOR_LEADERS);
        scenario.after(Duration.ofMinutes(15));
        assertThat(openStep(visit)).isEqualTo(CALL_POLICE);
        Task police = scenario.openTasks(visit).get(0);
        assertThat(police.getName()).startsWith("Call the police: ");
        assertThat((String) scenario.tasks().getVariable(police.getId(), BRIEFING.name()))
                .contains(asPlanned("visitor1"), asPlanned("visitor2"), "12 Test Street", "ZZ24 DSP", "Last contact:");
        assertThat(scenario.openTasks(visit)).hasSize(1);
        assertThat(scenario.tasksEverCreated(visit)).isEqualTo(4);

        complete(police, "safe", "office", "Police found them: car broke down, phone flat");
        assertThat(scenario.openTasks(visit)).isEmpty();
        assertThat(audit.events("visit", visit)).extracting(AuditEvent::action, AuditEvent::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("OVERDUE_STAFF_SAFE", "office"),
                        org.assertj.core.groups.Tuple.tuple("OVERDUE_CHAIN_CLOSED", "office"));
    }

    @Test
    void afterTheLastStepThePoliceStepRepeatsUntilSomeoneResolvesIt() {
        String visit = arrivedAtTheAddress();
        scenario.after(INTERVAL);
        for (Duration deadline : List.of(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(15))) {
            scenario.after(deadline);
        }
        assertThat(openStep(visit)).isEqualTo(CALL_POLICE);
        scenario.after(Duration.ofMinutes(15));
        assertThat(openStep(visit)).isEqualTo(CALL_POLICE);
        assertThat(scenario.tasksEverCreated(visit)).isEqualTo(5);
        assertThat(audit.events("visit", visit)).extracting(AuditEvent::detail).contains("CALL_POLICE (repeated)");
    }

    @Test
    void resolvingAStepStopsTheChain() {
        String visit = arrivedAtTheAddress();
        scenario.after(INTERVAL);
        scenario.after(Duration.ofMinutes(10));
        assertThat(openStep(visit)).isEqualTo(RING_PUPILS_HOME);

        complete(scenario.openTasks(visit).get(0), "safe", "office", "Mum says they are in the kitchen, fine");
        scenario.after(Duration.ofMinutes(10));
        assertThat(scenario.openTasks(visit)).isEmpty();
        assertThat(scenario.tasksEverCreated(visit)).isEqualTo(2);
        assertThat(actions(visit)).contains("OVERDUE_CHAIN_CLOSED").doesNotContain("OVERDUE_STEP_STARTED:ALERT");
        // The check-in clock runs again from the resolution.
        assertThat(watch(visit).alert()).isNull();
        assertThat(watch(visit).phase()).isEqualTo("AT_ADDRESS");
    }

    @Test
    void noContactEscalatesAtOnce() {
        String visit = arrivedAtTheAddress();
        scenario.after(INTERVAL);
        complete(scenario.openTasks(visit).get(0), "noContact", "office", "Voicemail twice");
        assertThat(openStep(visit)).isEqualTo(RING_PUPILS_HOME);
    }

    @Test
    void anEmergencyGoesStraightToThePoliceTaskAtTheTopOfTheList() {
        String visit = arrivedAtTheAddress();
        scenario.after(INTERVAL);
        assertThat(openStep(visit)).isEqualTo(CALL_VISITING_STAFF);

        scenario.checkIn(visit, CheckInType.EMERGENCY, "visitor2");
        List<Task> tasks = scenario.openTasks(visit);
        assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly(CALL_POLICE_NOW);
        Task police = tasks.get(0);
        assertThat(police.getPriority()).isEqualTo(100);
        assertThat(candidateGroups(police)).containsExactly(Roles.OFFICE);
        assertThat((String) scenario.tasks().getVariable(police.getId(), BRIEFING.name()))
                .contains("EMERGENCY", asPlanned("visitor1"), "12 Test Street", "ZZ24 DSP");
        assertThat(watch(visit).alert()).isEqualTo("EMERGENCY");
        assertThat(actions(visit)).contains("CHECK_IN_EMERGENCY", "STAFF_EMERGENCY_ALERTED");

        // A second press is recorded, and changes nothing else.
        scenario.checkIn(visit, CheckInType.EMERGENCY, "visitor1");
        assertThat(scenario.openTasks(visit)).hasSize(1);

        Map<String, Object> done = new HashMap<>();
        done.put(StaffSafetyProcess.Variables.POLICE_REFERENCE.name(), "CAD-1234");
        done.put(StaffSafetyProcess.Variables.EMERGENCY_NOTE.name(), "Police on scene");
        ProcessInstance watchInstance = scenario.watch(visit);
        scenario.tasks().complete(police.getId(), done);
        assertThat(watchInstance).hasPassed(StaffSafetyProcess.Elements.EMERGENCY_HANDLED).isEnded();
        assertThat(watch(visit).ended()).isTrue();
        assertThat(actions(visit)).contains("EMERGENCY_HANDED_TO_POLICE");
    }

    @Test
    void anEmergencyBeforeArrivalAlsoRaisesThePoliceTask() {
        String visit = scenario.depart(Duration.ofHours(1), "visitor1");
        scenario.checkIn(visit, CheckInType.EMERGENCY, "visitor1");
        assertThat(scenario.openTasks(visit)).extracting(Task::getTaskDefinitionKey).containsExactly(CALL_POLICE_NOW);
    }

    @Test
    void aLateLeavingCallAfterAnAlertClosesTheChainCleanly() {
        String visit = arrivedAtTheAddress();
        scenario.after(INTERVAL);
        scenario.after(Duration.ofMinutes(12));
        assertThat(openStep(visit)).isEqualTo(RING_PUPILS_HOME);

        CheckIns.Receipt leaving = scenario.checkIn(visit, CheckInType.LEAVING, "visitor1");
        assertThat(leaving.phase()).isEqualTo("RETURNING");
        assertThat(leaving.alert()).isNull();
        assertThat(scenario.openTasks(visit)).isEmpty();
        assertThat(actions(visit)).contains("OVERDUE_CHAIN_CLOSED");

        scenario.after(Duration.ofMinutes(30));
        assertThat(scenario.openTasks(visit)).isEmpty();
        assertThat(scenario.checkIn(visit, CheckInType.BACK, "visitor1").watchEnded()).isTrue();
        assertThat(scenario.tasksEverCreated(visit)).isEqualTo(2);
    }

    @Test
    void notBackAtTheExpectedTimeStartsTheChain() {
        String visit = scenario.depart(Duration.ofMinutes(45), "visitor1");
        scenario.after(Duration.ofMinutes(10));
        scenario.checkIn(visit, CheckInType.ARRIVED, "visitor1");
        scenario.after(Duration.ofMinutes(15));
        scenario.checkIn(visit, CheckInType.LEAVING, "visitor1");
        scenario.after(Duration.ofMinutes(20).minusSeconds(1));
        assertThat(scenario.openTasks(visit)).isEmpty();
        scenario.after(Duration.ofSeconds(1));
        assertThat(openStep(visit)).isEqualTo(CALL_VISITING_STAFF);
        assertThat(scenario.runtime().getVariable(scenario.watch(visit).getId(), OVERDUE_REASON.name())).isEqualTo("NOT_BACK");

        // Resolved on the phone: they are expected back within one more check-in interval.
        complete(scenario.openTasks(visit).get(0), "safe", "office", "Stuck in traffic");
        scenario.after(INTERVAL.minusSeconds(1));
        assertThat(scenario.openTasks(visit)).isEmpty();
        scenario.checkIn(visit, CheckInType.BACK, "visitor1");
        assertThat(scenario.watch(visit)).isNull();
    }

    /**
     * Issue 10 item 6: staff still on the way when the alarm rings say they turned back; that closes
     * the chain cleanly, the watch expects them back at school and ends when they are.
     */
    @Test
    void turnedBackDuringAnAlarmOnTheWayClosesTheChainAndTheWatchEndsWhenTheyAreBack() {
        String visit = scenario.depart(Duration.ofMinutes(30), "visitor1");
        scenario.after(Duration.ofMinutes(30));
        assertThat(openStep(visit)).isEqualTo(CALL_VISITING_STAFF);

        CheckIns.Receipt turnedBack = scenario.checkIn(visit, CheckInType.TURNED_BACK, "visitor1");
        assertThat(turnedBack.phase()).isEqualTo("RETURNING");
        assertThat(turnedBack.alert()).isNull();
        assertThat(scenario.openTasks(visit)).isEmpty();
        assertThat(actions(visit)).contains("CHECK_IN_TURNED_BACK", "OVERDUE_CHAIN_CLOSED");

        assertThat(scenario.checkIn(visit, CheckInType.BACK, "visitor1").watchEnded()).isTrue();
        assertThat(watch(visit).ended()).isTrue();
    }

    /**
     * Thames View 2.4, 3.10: every call the staff make is taken in the state they are in. "I'm OK" on
     * the way keeps the watch on the way, "Leaving" before arriving means on the way back, and
     * "I'm OK" on the way back keeps it there; none of them starts the check-in clock.
     */
    @Test
    void callsOnTheWayAndOnTheWayBackAreTakenWhereTheStaffAre2_4_3_10() {
        String visit = scenario.depart(Duration.ofHours(1), "visitor1");
        assertThat(scenario.checkIn(visit, CheckInType.OK, "visitor1").phase()).isEqualTo("DEPARTED");
        assertThat(scenario.watch(visit)).isWaitingAt(StaffSafetyProcess.Elements.TRAVELLING);
        assertThat(scenario.checkIn(visit, CheckInType.LEAVING, "visitor1").phase()).isEqualTo("RETURNING");
        assertThat(scenario.checkIn(visit, CheckInType.OK, "visitor1").phase()).isEqualTo("RETURNING");
        assertThat(scenario.watch(visit)).isWaitingAt(StaffSafetyProcess.Elements.RETURNING);
        assertThat(watch(visit).nextCheckInDueAt()).isNull();
        assertThat(scenario.checkIn(visit, CheckInType.BACK, "visitor1").watchEnded()).isTrue();
        assertThat(scenario.tasksEverCreated(visit)).isZero();
    }

    /** Thames View 2.4: a late "I'm OK" while the office is ringing closes the chain, and the 20 minutes run from it. */
    @Test
    void aLateImOkDuringTheChainClosesItAndTheCheckInClockRunsFromIt2_4() {
        String visit = arrivedAtTheAddress();
        scenario.after(INTERVAL);
        assertThat(openStep(visit)).isEqualTo(CALL_VISITING_STAFF);

        CheckIns.Receipt late = scenario.checkIn(visit, CheckInType.OK, "visitor2");
        assertThat(late.alert()).isNull();
        assertThat(late.phase()).isEqualTo("AT_ADDRESS");
        assertThat(scenario.openTasks(visit)).isEmpty();
        assertThat(actions(visit)).containsSubsequence("CHECK_IN_OK", "OVERDUE_CHAIN_CLOSED");
        assertThat(scenario.watch(visit)).isWaitingAt(StaffSafetyProcess.Elements.AT_ADDRESS_WAITING);
        scenario.after(INTERVAL.minusSeconds(1));
        assertThat(scenario.openTasks(visit)).isEmpty();
        scenario.after(Duration.ofSeconds(1));
        assertThat(openStep(visit)).isEqualTo(CALL_VISITING_STAFF);
    }

    @Test
    void aCheckInForAnEndedWatchIsRefusedAndChangesNothing() {
        String visit = arrivedAtTheAddress();
        scenario.checkIn(visit, CheckInType.BACK, "visitor1");
        int recorded = checkIns.checkIns(visit).size();
        int audited = audit.events("visit", visit).size();

        assertThatThrownBy(() -> scenario.checkIn(visit, CheckInType.OK, "visitor1"))
                .isInstanceOfSatisfying(CheckInRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WATCH_ENDED))
                .hasMessageContaining("has ended");
        assertThat(checkIns.checkIns(visit)).hasSize(recorded);
        assertThat(audit.events("visit", visit)).hasSize(audited);
    }

    @Test
    void aCheckInFromSomeoneNotOnTheVisitIsRefusedAndChangesNothing() {
        String visit = scenario.depart(Duration.ofHours(1), "visitor1");
        scenario.checkIn(visit, CheckInType.ARRIVED, "visitor1");
        List<String> activeBefore = scenario.runtime().getActiveActivityIds(scenario.watch(visit).getId());
        int recorded = checkIns.checkIns(visit).size();

        assertThatThrownBy(() -> scenario.checkIn(visit, CheckInType.LEAVING, "visitor2"))
                .isInstanceOfSatisfying(CheckInRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ASSIGNED));
        assertThat(scenario.runtime().getActiveActivityIds(scenario.watch(visit).getId())).isEqualTo(activeBefore);
        assertThat(watch(visit).phase()).isEqualTo("AT_ADDRESS");
        assertThat(checkIns.checkIns(visit)).hasSize(recorded);
    }

    @Test
    void theOfficeMayCheckInOnTheStaffsBehalfAndThatIsRecorded() {
        String visit = scenario.depart(Duration.ofHours(1), "visitor1");
        checkIns.checkIn(visit, CheckInType.ARRIVED, "office", true, "visitor1");
        assertThat(checkIns.checkIns(visit)).singleElement().satisfies(checkIn -> {
            assertThat(checkIn.madeBy()).isEqualTo("office");
            assertThat(checkIn.onBehalfOf()).isEqualTo("visitor1");
        });
        assertThat(audit.events("visit", visit)).anySatisfy(event -> assertThat(event.detail())
                .isEqualTo("recorded by the office on behalf of visitor1"));
    }

    @Test
    void aSecondArrivalIsNotExpectedAndIsRefused() {
        String visit = arrivedAtTheAddress();
        assertThatThrownBy(() -> scenario.checkIn(visit, CheckInType.ARRIVED, "visitor1"))
                .isInstanceOfSatisfying(CheckInRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_EXPECTED_NOW))
                .hasMessageContaining("already arrived");
    }

    @Test
    void everyElementTheCodeNamesIsInTheModel() throws IllegalAccessException {
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService()
                .createProcessDefinitionQuery().processDefinitionKey(StaffSafetyProcess.KEY).latestVersion().singleResult().getId());
        for (Field field : StaffSafetyProcess.Elements.class.getFields()) {
            assertThat((Object) model.getModelElementById((String) field.get(null))).as(field.getName()).isNotNull();
        }
    }

    @Test
    void aRepeatedDepartureDoesNotStartASecondWatch() {
        String visit = arrivedAtTheAddress();
        events.publishEvent(new VisitDeparted(visit, SafetyScenario.SCHOOL, SafetyScenario.PUPIL, List.of("visitor1"),
                SafetyScenario.people(List.of("visitor1")),
                "elsewhere", "bus", null, scenario.now().plus(Duration.ofHours(1)), null, "office"));
        assertThat(scenario.runtime().createProcessInstanceQuery().processInstanceBusinessKey(visit).count()).isEqualTo(1);
        assertThat(watch(visit).phase()).isEqualTo("AT_ADDRESS");
    }

    @Test
    void aWatchCancelledInCockpitLeavesTheBoard() {
        String visit = arrivedAtTheAddress();
        scenario.runtime().deleteProcessInstance(scenario.watch(visit).getId(), "cancelled by an administrator");
        assertThat(watch(visit).ended()).isTrue();
        assertThat(actions(visit)).endsWith("SAFETY_WATCH_CANCELLED");
    }

    @Test
    void aRunningWatchKeepsTheRulesItStartedWith() {
        String visit = arrivedAtTheAddress();
        String chain = (String) scenario.runtime().getVariable(scenario.watch(visit).getId(), StaffSafetyProcess.Variables.OVERDUE_CHAIN.name());
        assertThat(OverdueChain.decode(chain)).extracting(OverdueChain.Step::action, OverdueChain.Step::deadline, step -> step.does().title())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RING_MOBILE", "PT10M", "Call the visiting staff"),
                        org.assertj.core.groups.Tuple.tuple("RING_HOME", "PT10M", "Ring the pupil's home"),
                        org.assertj.core.groups.Tuple.tuple("ALERT_SENIOR_LEADERS", "PT15M", "Staff overdue: senior leaders to act"),
                        org.assertj.core.groups.Tuple.tuple("CALL_POLICE", "PT15M", "Call the police"));
    }

    /** As the briefing names someone the plan signed out: with the plan's mobile. */
    private static String asPlanned(String user) {
        return user + " (mobile " + SafetyScenario.PLAN_MOBILE + ")";
    }

    private String homeContact() {
        Contact first = directory.contacts(SafetyScenario.PUPIL).get(0);
        return first.name() + " (" + first.relationship() + ") " + first.phone();
    }

    private String arrivedAtTheAddress() {
        String visit = scenario.depart(Duration.ofHours(2), "visitor1", "visitor2");
        scenario.after(Duration.ofMinutes(15));
        scenario.checkIn(visit, CheckInType.ARRIVED, "visitor1");
        return visit;
    }

    private String openStep(String visit) {
        List<Task> tasks = scenario.openTasks(visit);
        assertThat(tasks).as("open tasks of " + visit).hasSize(1);
        assertThat(tasks.get(0).getTaskDefinitionKey()).isEqualTo(StaffSafetyProcess.Elements.OVERDUE_STEP);
        return (String) scenario.tasks().getVariable(tasks.get(0).getId(), StaffSafetyProcess.Variables.OVERDUE_ACTION.name());
    }

    private void complete(Task task, String outcome, String user, String note) {
        Map<String, Object> form = new HashMap<>();
        OVERDUE_OUTCOME.putInto(form, outcome);
        OVERDUE_NOTE.putInto(form, note);
        SignedIn.as(identityService, user, () -> scenario.tasks().complete(task.getId(), form));
        scenario.runDueJobs();
    }

    private List<String> candidateGroups(Task task) {
        return scenario.tasks().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(group -> group != null).toList();
    }

    private List<String> actions(String visit) {
        return audit.events("visit", visit).stream().map(AuditEvent::action).toList();
    }

    private SafetyWatches.Watch watch(String visit) {
        return jdbcWatches().find(visit).orElseThrow();
    }

    @Autowired
    SafetyWatches watches;

    private SafetyWatches jdbcWatches() {
        return watches;
    }

    /** Texts are checked by visit: the outbox may also deliver what earlier tests queued. */
    private List<String> mobilesTexted(String visit) {
        return sms.sent().stream().filter(text -> text.text().contains(visit)).map(LoggingSmsGateway.Text::mobileNumber).toList();
    }

    private List<String> textsAbout(String visit) {
        return sms.sent().stream().map(LoggingSmsGateway.Text::text).filter(text -> text.contains(visit)).toList();
    }
}
