package org.doorstep.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.safety.StaffSafetyProcess.Elements.OVERDUE_CHAIN;
import static org.doorstep.safety.StaffSafetyProcess.Elements.OVERDUE_STEP;
import static org.doorstep.safety.StaffSafetyProcess.Variables.BRIEFING;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_ACTION;
import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_OUTCOME;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doorstep.DoorstepTest;
import org.doorstep.safety.SafetyBoardController.Row;
import org.doorstep.school.Contact;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.Roles;
import org.doorstep.workflow.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.server.ResponseStatusException;

/**
 * HSE INDG73 asks that lone-working procedures are tested. A senior leader drills Thames View's overdue
 * chain (call the visiting staff 10 min, ring the pupil's home 10 min, senior leaders 15 min, police) on a
 * visit that is really out: the drill's own watch misses its arrival call at once, the steps come in order,
 * each says DRILL, the police step only says who would be rung, nothing reaches the real visit's watch or
 * anyone outside the school, and the report gives each step's acknowledgement time.
 */
@DoorstepTest
class DrillOfTheOverdueChainTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CheckIns checkIns;
    @Autowired
    IdentityService identityService;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    Drills drills;
    @Autowired
    SafetyBoardController board;

    SafetyScenario scenario;

    static final Authentication LEADER = as("leader", Roles.SENIOR_LEADERS);

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
    void aDrillOfAVisitOutNowRunsTheWholeChainMarkedDrillAndReportsHowFastEachStepWasTakenUp() {
        String visit = scenario.depart(Duration.ofHours(2), "visitor1");
        String drill = drills.start(LEADER, null, visit);
        scenario.follow(drill, scenario.now());
        assertThat(drill).startsWith("DRILL-").isNotEqualTo(visit);

        // The drill's arrival call is missed at once: the chain starts with its first step.
        scenario.runDueJobs();
        assertThat(scenario.watch(drill)).isWaitingAt(OVERDUE_STEP);
        Task first = onlyTask(drill);
        assertThat(action(first)).isEqualTo("RING_MOBILE");
        assertThat(first.getName()).startsWith("DRILL: Call the visiting staff: DRILL of " + visit);
        assertThat(briefing(first)).startsWith("**DRILL: Visiting staff on " + drill)
                .contains("DRILL: you would ring the visiting staff's mobiles now. Do not ring in a drill.")
                .doesNotContain(SafetyScenario.PLAN_MOBILE);

        scenario.after(Duration.ofSeconds(42));
        scenario.tasks().claim(first.getId(), "office");
        scenario.after(Duration.ofSeconds(60));
        complete(first, StaffSafetyProcess.Outcomes.NO_CONTACT, "office");

        // Step 2: the pupil's home is named, never its numbers.
        Task home = onlyTask(drill);
        assertThat(action(home)).isEqualTo("RING_HOME");
        assertThat(home.getName()).startsWith("DRILL: Ring the pupil's home");
        Contact contact = directory.contacts(SafetyScenario.PUPIL).get(0);
        assertThat(briefing(home)).contains("DRILL: you would ring the pupil's home now").doesNotContain(contact.phone());

        // Nobody takes it up: the deadline passes and senior leaders are alerted.
        scenario.after(Duration.ofMinutes(10));
        Task leaders = onlyTask(drill);
        assertThat(action(leaders)).isEqualTo("ALERT_SENIOR_LEADERS");
        scenario.after(Duration.ofSeconds(30));
        scenario.tasks().claim(leaders.getId(), "leader");
        complete(leaders, StaffSafetyProcess.Outcomes.NO_CONTACT, "leader");

        // The police step is a drill too: it names 999 and rings nobody.
        Task police = onlyTask(drill);
        assertThat(action(police)).isEqualTo("CALL_POLICE");
        assertThat(police.getName()).startsWith("DRILL: Call the police");
        assertThat(briefing(police)).contains("DRILL: you would ring 999 now").doesNotContain("999 (police)");

        // Every alert of the drill says DRILL and goes to people of the school only; the staff out are never texted.
        List<Map<String, Object>> alerts = jdbc.sql("SELECT subject, recipient_user FROM notification_outbox WHERE visit_reference = ?")
                .param(drill).query().listOfRows();
        assertThat(alerts).isNotEmpty().allSatisfy(alert -> {
            assertThat((String) alert.get("SUBJECT")).startsWith("DRILL: Doorstep safety: ");
            assertThat((String) alert.get("RECIPIENT_USER")).isNotNull().isNotEqualTo("visitor1");
        });

        // The real visit's watch never heard of it.
        assertThat(scenario.watch(visit)).isNotWaitingAt(OVERDUE_STEP);
        assertThat(scenario.watch(visit)).hasNotPassed(OVERDUE_CHAIN);
        assertThat(scenario.openTasks(visit)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE visit_reference = ?").param(visit)
                .query(Long.class).single()).isZero();

        // The board shows the drill as a drill, beside the real visit which is not overdue.
        List<Row> rows = boardOfTheLeader();
        assertThat(rows).filteredOn(row -> row.visitReference().equals(drill)).singleElement().satisfies(row -> {
            assertThat(row.pupil()).startsWith("DRILL: ");
            assertThat(row.alertLabel()).isEqualTo("DRILL: No arrival call");
            assertThat(row.link()).isEqualTo("/drills/" + drill);
        });
        assertThat(rows).filteredOn(row -> row.visitReference().equals(visit)).singleElement()
                .satisfies(row -> assertThat(row.alertLabel()).isNull());

        // The report: each step in order, who took it up and after how many seconds.
        assertThat(drills.report(drills.find(LEADER, drill)))
                .extracting(Drills.Step::acknowledgement, Drills.Step::acknowledgedBy, Drills.Step::acknowledgedAfterSeconds)
                .containsExactly(
                        tuple("Claimed", "office", 42L),
                        tuple("Not acknowledged: the deadline passed", null, null),
                        tuple("Claimed", "leader", 30L),
                        tuple("Waiting", null, null));
        assertThat(drills.report(drills.find(LEADER, drill))).allSatisfy(step -> assertThat(step.step()).startsWith("DRILL: "));

        // Ending the drill takes it off the board; the report stays.
        drills.end(LEADER, drill);
        assertThat(boardOfTheLeader()).extracting(Row::visitReference).doesNotContain(drill).contains(visit);
        assertThat(drills.report(drills.find(LEADER, drill))).last()
                .satisfies(step -> assertThat(step.acknowledgement()).isEqualTo("Not acknowledged: the drill ended"));
    }

    @Test
    void aDrillOnNoRealVisitNeedsNoVisitAndOnlyLeadersMayStartOne() {
        String drill = drills.start(LEADER, SafetyScenario.SCHOOL, null);
        scenario.follow(drill, scenario.now());
        scenario.runDueJobs();
        assertThat(onlyTask(drill).getName()).startsWith("DRILL: Call the visiting staff: DRILL, no real visit");
        assertThat(drills.find(LEADER, drill).about()).isEqualTo(Drills.NO_REAL_VISIT);

        assertThatThrownBy(() -> drills.start(as("office", Roles.OFFICE), SafetyScenario.SCHOOL, null))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("senior leaders and the headteacher");
        assertThatThrownBy(() -> drills.start(LEADER, null, "HV-NOT-OUT"))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("No visit HV-NOT-OUT out now");
    }

    /** The board's API checks its caller's authorities as a request would. */
    private List<Row> boardOfTheLeader() {
        SecurityContextHolder.getContext().setAuthentication(LEADER);
        try {
            return board.board(LEADER).out();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Task onlyTask(String reference) {
        List<Task> tasks = scenario.openTasks(reference);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private String action(Task task) {
        return (String) scenario.tasks().getVariable(task.getId(), OVERDUE_ACTION.name());
    }

    private String briefing(Task task) {
        return (String) scenario.tasks().getVariable(task.getId(), BRIEFING.name());
    }

    private void complete(Task task, String outcome, String user) {
        SignedIn.as(identityService, user, () -> scenario.tasks().complete(task.getId(), OVERDUE_OUTCOME.putInto(new HashMap<>(), outcome)));
        scenario.runDueJobs();
    }

    private static Authentication as(String user, String group) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(new SimpleGrantedAuthority(Roles.authority(group))));
    }
}
