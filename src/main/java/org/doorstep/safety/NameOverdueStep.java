package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_TITLE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives the one generic overdue task the title of its action from the school's catalogue ("Ring the
 * pupil's home", "Ring the partner agency"), so Tasklist says what to do; the diagram keeps its
 * readable "Overdue step".
 */
@Component("nameOverdueStep")
class NameOverdueStep implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setName(DrillMark.marked(task, OVERDUE_STEP_TITLE.require(task)));
    }
}
