package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.OVERDUE_STEP_TITLE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.TASK_SUBJECT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives the one generic overdue task the title of its action from the school's catalogue ("Ring the
 * pupil's home", "Ring the partner agency") and the watch's subject, so Tasklist says what to do
 * and for which visit; the diagram keeps its readable "Overdue step".
 */
@Component("nameOverdueStep")
class NameOverdueStep implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String subject = TASK_SUBJECT.get(task);
        // A watch started before subjects existed still gets its step, named by the title alone.
        task.setName(subject == null ? OVERDUE_STEP_TITLE.require(task) : OVERDUE_STEP_TITLE.require(task) + ": " + subject);
    }
}
