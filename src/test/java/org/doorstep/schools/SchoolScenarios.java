package org.doorstep.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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

    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;
    @Autowired CheckIns checkIns;

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

    /** Which of the watch's steps is open now, the one and only. */
    static String openSafetyStep(SafetyScenario safety, String reference) {
        return onlySafetyTask(safety, reference).getTaskDefinitionKey();
    }

    /**
     * Nothing is asked of the office one second before {@code wait} is over; at that moment the first
     * step of the overdue chain opens: the office rings the staff's mobile.
     */
    static Task officeRingsTheMobileAfterExactly(SafetyScenario safety, String reference, Duration wait) {
        safety.after(wait.minusSeconds(1));
        assertThat(safetyTasks(safety, reference)).isEmpty();
        safety.after(Duration.ofSeconds(1));
        return openStepFor(safety, reference, StaffSafetyProcess.Elements.CALL_VISITING_STAFF, Roles.OFFICE);
    }

    /** The watch's one open step is {@code step}, offered to {@code group}. */
    static Task openStepFor(SafetyScenario safety, String reference, String step, String group) {
        Task open = onlySafetyTask(safety, reference);
        assertThat(open.getTaskDefinitionKey()).isEqualTo(step);
        assertThat(safety.tasks().getIdentityLinksForTask(open.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(group));
        return open;
    }

    long safetyTasksEverCreated(String reference, String taskKey) {
        var query = engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(StaffSafetyProcess.KEY);
        return (taskKey == null ? query : query.taskDefinitionKey(taskKey)).count();
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
