package org.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.safety.CheckInType;
import org.doorstep.safety.CheckIns;
import org.doorstep.safety.SafetyScenario;
import org.doorstep.security.WebClient;
import org.doorstep.workflow.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13 item 4, staff safety: a missed check-in's step reaches the office and is claimed 7 s later;
 * another's is never taken. The report times the first from the engine's history and lists the second
 * as unanswered.
 */
@DoorstepTest
class SafetyResponseReportTest {

    static final String SCHOOL = "thames-view-junior";

    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CheckIns checkIns;
    @Autowired
    IdentityService identity;
    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;

    @Test
    void aStepClaimedSevenSecondsAfterItWasRaisedIsTimedAndOneNobodyTookIsListed() {
        String taken;
        String untaken;
        String period;
        try (SafetyScenario scenario = new SafetyScenario(engine, events, jdbc, checkIns, SCHOOL, "TVJ-0001")) {
            period = "from=" + scenario.now().toString().substring(0, 10) + "&to=" + scenario.now().toString().substring(0, 10);
            taken = scenario.depart(Duration.ofMinutes(30), "visitor1");
            untaken = scenario.depart(Duration.ofMinutes(30), "visitor2");
            scenario.checkIn(taken, CheckInType.ARRIVED, "visitor1");
            scenario.checkIn(untaken, CheckInType.ARRIVED, "visitor2");
            List<Task> steps = List.of();
            for (int minute = 0; minute < 240 && steps.isEmpty(); minute++) {
                scenario.after(Duration.ofMinutes(1));
                steps = scenario.openTasks(taken);
            }
            assertThat(steps).as("the missed check-in reached the office").isNotEmpty();
            assertThat(scenario.openTasks(untaken)).isNotEmpty();
            String step = steps.get(0).getId();
            scenario.after(Duration.ofSeconds(7));
            SignedIn.as(identity, "office", () -> scenario.tasks().claim(step, "office"));

            WebClient leader = WebClient.signedIn(port, "leader", password);
            String csv = leader.get("/reports/timeliness.csv?school=" + SCHOOL + "&" + period).body();
            assertThat(csv.lines().filter(line -> line.contains(",alert_taken," + taken + ",")).findFirst().orElseThrow())
                    .contains(",7.0,seconds until an office member took it,");
            assertThat(csv.lines().filter(line -> line.contains(",alert_taken," + untaken + ",")).findFirst().orElseThrow())
                    .contains(",,seconds until an office member took it,", "not taken yet");
            String page = leader.get("/reports/timeliness?school=" + SCHOOL + "&" + period).body();
            String unanswered = page.substring(page.indexOf("Left unanswered"));
            assertThat(unanswered).contains("/visits/" + untaken, "Still waiting for someone to take it").doesNotContain(taken);
            assertThat(page).contains("Staff safety: overdue steps taken by the office", "80th percentile", "98.5th percentile");
        }
    }
}
