package org.doorstep.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.records.AuditTrail;
import org.doorstep.safety.CheckInType;
import org.doorstep.safety.CheckIns;
import org.doorstep.safety.SafetyScenario;
import org.doorstep.safety.StaffSafetyProcess;
import org.doorstep.security.Roles;
import org.doorstep.trigger.AbsenceCaseProcess;
import org.doorstep.visit.VisitScenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the per-school policy scenarios share on top of {@link VisitScenarios}: following the
 * staff-safety watch a real home visit started when the office signed the staff out (both share the
 * visit reference as business key, so the watch's tasks are picked out by process), and the form of
 * an absence case's local-authority steps.
 */
abstract class SchoolScenarios extends VisitScenarios {

    /** The defaults' overdue actions, as the profiles' chains name them. */
    static final String RING_MOBILE = "RING_MOBILE";
    static final String RING_HOME = "RING_HOME";
    static final String ALERT_SENIOR_LEADERS = "ALERT_SENIOR_LEADERS";
    static final String CALL_POLICE = "CALL_POLICE";

    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;
    @Autowired CheckIns checkIns;
    @Autowired AuditTrail audit;

    /** Follows the watch of a visit just signed out, on the visit's clock; close it to end the test's watches. */
    SafetyScenario followTheWatch(ProcessInstance visit, String schoolId, String pupilId) {
        SafetyScenario safety = new SafetyScenario(engine, events, jdbc, checkIns, schoolId, pupilId);
        safety.follow(visit.getBusinessKey(), NOW);
        return safety;
    }

    /** After {@code travel}, the staff call in their arrival, the parent is there and they go in. */
    void arriveAndGoIn(SafetyScenario safety, ProcessInstance visit, Duration travel, String visitor) {
        safety.after(travel);
        safety.checkIn(visit.getBusinessKey(), CheckInType.ARRIVED, visitor);
        parentArrives(visit);
        goIn(visit);
    }

    /** The open tasks of the staff-safety watch of the visit (not the home visit's own tasks). */
    static List<Task> safetyTasks(SafetyScenario safety, String reference) {
        return safety.openTasks(reference).stream()
                .filter(task -> task.getProcessDefinitionId().startsWith(StaffSafetyProcess.KEY + ":")).toList();
    }

    static Task onlySafetyTask(SafetyScenario safety, String reference) {
        List<Task> open = safetyTasks(safety, reference);
        assertThat(open).as("open staff-safety tasks of " + reference).hasSize(1);
        return open.get(0);
    }

    /** Which action of the overdue catalogue the watch's one open step is. */
    static String openSafetyStep(SafetyScenario safety, String reference) {
        Task open = onlySafetyTask(safety, reference);
        assertThat(open.getTaskDefinitionKey()).isEqualTo(StaffSafetyProcess.Elements.OVERDUE_STEP);
        return (String) safety.tasks().getVariable(open.getId(), StaffSafetyProcess.Variables.OVERDUE_ACTION.name());
    }

    /**
     * Nothing is asked of the office one second before {@code wait} is over; at that moment the first
     * step of the overdue chain opens: the office rings the staff's mobile.
     */
    static Task officeRingsTheMobileAfterExactly(SafetyScenario safety, String reference, Duration wait) {
        safety.after(wait.minusSeconds(1));
        assertThat(safetyTasks(safety, reference)).isEmpty();
        safety.after(Duration.ofSeconds(1));
        return openStepFor(safety, reference, RING_MOBILE, Roles.OFFICE);
    }

    /** The watch's one open step is the catalogue's action {@code action}, offered to {@code group}. */
    static Task openStepFor(SafetyScenario safety, String reference, String action, String group) {
        assertThat(openSafetyStep(safety, reference)).isEqualTo(action);
        Task open = onlySafetyTask(safety, reference);
        assertThat(safety.tasks().getIdentityLinksForTask(open.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(group));
        return open;
    }

    long safetyTasksEverCreated(String reference) {
        return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(StaffSafetyProcess.KEY).count();
    }

    /** How often the chain started a step of the catalogue's {@code action} (its audit entries). */
    long overdueStepsEverStarted(String reference, String action) {
        return audit.events("visit", reference).stream().filter(event -> event.action().equals("OVERDUE_STEP_STARTED"))
                .filter(event -> event.detail().equals(action) || event.detail().startsWith(action + " ")).count();
    }

    /** {@code user} completes the watch's open overdue step with what they found. */
    void recordOverdueStep(SafetyScenario safety, String reference, String user, String outcome, boolean causeForConcern, String note) {
        Task open = onlySafetyTask(safety, reference);
        Map<String, Object> form = new HashMap<>();
        StaffSafetyProcess.Variables.OVERDUE_OUTCOME.putInto(form, outcome);
        StaffSafetyProcess.Variables.CAUSE_FOR_CONCERN.putInto(form, causeForConcern);
        StaffSafetyProcess.Variables.OVERDUE_NOTE.putInto(form, note);
        org.doorstep.workflow.SignedIn.as(engine.getIdentityService(), user, () -> safety.tasks().complete(open.getId(), form));
        safety.runDueJobs();
    }

    /** The form of an absence case's referral or notification step (PNAR, legal action). */
    static Map<String, Object> referral(String decision, String sentTo, String summary) {
        Map<String, Object> form = new HashMap<>();
        AbsenceCaseProcess.Variables.REFERRAL_DECISION.putInto(form, decision);
        AbsenceCaseProcess.Variables.REFERRAL_SENT_TO.putInto(form, sentTo);
        AbsenceCaseProcess.Variables.REFERRAL_SUMMARY.putInto(form, summary);
        return form;
    }
}
