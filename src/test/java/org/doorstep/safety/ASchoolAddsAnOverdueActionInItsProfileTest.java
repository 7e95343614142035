package org.doorstep.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.AuditTrail.AuditEvent;
import org.doorstep.school.Contact;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.security.Roles;
import org.doorstep.trigger.TriggerTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10 item 7, "escalation is data, not code": a sixth, made-up school (its profile only in test
 * resources' policy folder, read through doorstep.policies.directory as an installation's would be) adds "Ring the
 * partner agency" to the catalogue, with its own group, priority and number, and puts it in its
 * chain. With no code change, a visit's watch runs it in order and records what the office found.
 */
@DoorstepTest
class ASchoolAddsAnOverdueActionInItsProfileTest {

    static final String SCHOOL = "riverbank-partnership";
    static final String PUPIL = "RBP-0001";

    @Autowired ProcessEngine engine;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;
    @Autowired CheckIns checkIns;
    @Autowired AuditTrail audit;
    @Autowired SchoolOnboarding onboarding;
    @Autowired SchoolDirectory directory;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void missedCheckInRingsTheMobileThenThePartnerAgencyOnItsOwnNumberThenTheOutcomeIsRecorded() {
        registerTheSchool();
        try (SafetyScenario scenario = new SafetyScenario(engine, events, jdbc, checkIns, SCHOOL, PUPIL)) {
            // Sign-out, arrival, then no check-in: the school's default 20 minutes pass.
            String visit = scenario.depart(Duration.ofHours(2), "visitor1");
            scenario.after(Duration.ofMinutes(10));
            scenario.checkIn(visit, CheckInType.ARRIVED, "visitor1");
            scenario.after(Duration.ofMinutes(20));

            Task mobile = onlyTask(scenario, visit);
            assertThat(mobile.getName()).startsWith("Call the visiting staff: ");
            complete(scenario, mobile, "noContact", false, "Voicemail");

            // The school's own action: its title, group, priority and number, from the profile alone.
            Task partner = onlyTask(scenario, visit);
            assertThat(partner.getTaskDefinitionKey()).isEqualTo(StaffSafetyProcess.Elements.OVERDUE_STEP);
            assertThat(partner.getName()).startsWith("Ring the partner agency: ");
            assertThat(partner.getPriority()).isEqualTo(88);
            assertThat(scenario.tasks().getIdentityLinksForTask(partner.getId())).extracting(IdentityLink::getGroupId)
                    .containsExactly(Roles.DSL);
            assertThat((String) scenario.tasks().getVariable(partner.getId(), StaffSafetyProcess.Variables.BRIEFING.name()))
                    .contains("Step 2 of 3: Ring the partner agency", "**Ring first:** Ring the partner agency: 01632 960123");
            assertThat((String) scenario.tasks().getVariable(partner.getId(),
                    StaffSafetyProcess.Variables.OVERDUE_STEP_INSTRUCTIONS.name())).contains("family support team");

            // Its deadline passes with nothing recorded: the chain goes on to senior leaders.
            scenario.after(Duration.ofMinutes(10));
            Task leaders = onlyTask(scenario, visit);
            assertThat(leaders.getName()).startsWith("Staff overdue: senior leaders to act: ");
            complete(scenario, leaders, "safe", false, "The agency worker drove them back");

            assertThat(scenario.openTasks(visit)).isEmpty();
            assertThat(audit.events("visit", visit)).extracting(AuditEvent::action, AuditEvent::detail).containsSubsequence(
                    org.assertj.core.groups.Tuple.tuple("OVERDUE_STEP_STARTED", "RING_MOBILE"),
                    org.assertj.core.groups.Tuple.tuple("OVERDUE_NO_CONTACT", "RING_MOBILE: Voicemail"),
                    org.assertj.core.groups.Tuple.tuple("OVERDUE_STEP_STARTED", "RING_PARTNER_AGENCY"),
                    org.assertj.core.groups.Tuple.tuple("OVERDUE_STEP_STARTED", "ALERT_SENIOR_LEADERS"),
                    org.assertj.core.groups.Tuple.tuple("OVERDUE_STAFF_SAFE", "ALERT_SENIOR_LEADERS: The agency worker drove them back"));
            assertThat(audit.events("visit", visit)).extracting(AuditEvent::action).contains("OVERDUE_CHAIN_CLOSED");
            assertThat(scenario.checkIn(visit, CheckInType.BACK, "visitor1").watchEnded()).isTrue();
        }
    }

    private void registerTheSchool() {
        onboarding.onboard(TriggerTestSupport.testSchool(SCHOOL, "RBP", 31), "test");
        directory.addPupil(new Pupil(PUPIL, SCHOOL, "Robin", "Banks", LocalDate.of(2018, 5, 1), "Year 2", "3 Mill Lane", null,
                "Exampleton", "ZZ1 2CD", false, false, null, null),
                List.of(new Contact(PUPIL, "Rowan Banks", "mother", "07700 900321", null, true, 1)));
        // The office's user works the school's tasks (its Camunda tenant).
        directory.addMember("office", SCHOOL);
    }

    private static Task onlyTask(SafetyScenario scenario, String visit) {
        List<Task> open = scenario.openTasks(visit);
        assertThat(open).as("open tasks of " + visit).hasSize(1);
        return open.get(0);
    }

    /** The office claims the step and records what it found (the new school has no grants of its own, so unauthenticated). */
    private static void complete(SafetyScenario scenario, Task task, String outcome, boolean concern, String note) {
        scenario.tasks().claim(task.getId(), "office");
        scenario.tasks().complete(task.getId(), Map.of(
                StaffSafetyProcess.Variables.OVERDUE_OUTCOME.name(), outcome,
                StaffSafetyProcess.Variables.CAUSE_FOR_CONCERN.name(), concern,
                StaffSafetyProcess.Variables.OVERDUE_NOTE.name(), note));
        scenario.runDueJobs();
    }
}
