package org.doorstep.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.safety.SafetyScenario;
import org.doorstep.safety.StaffSafetyProcess;

/**
 * What the per-school scenarios share on top of the visit and safety helpers: a real home visit and
 * its staff-safety watch have the same business key, so the watch's tasks are picked out by process.
 */
final class SchoolScenarios {

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

    static long safetyTasksEverCreated(ProcessEngine engine, String reference) {
        return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(StaffSafetyProcess.KEY).count();
    }

    private SchoolScenarios() {
    }
}
