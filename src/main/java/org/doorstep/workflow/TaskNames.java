package org.doorstep.workflow;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Appends the process's {@link TaskSubject} to every task's name as the task is created ("Authorise
 * the visit" becomes "Authorise the visit: Amy Ash (HV-THA-00001)"), so Tasklist's cards can be told
 * apart while the diagrams keep their plain step names. Added after the models' own listeners, so a
 * step that names itself from data (the overdue step's catalogue title) gets the subject too.
 */
@Component
class TaskNames extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, TaskNames::withSubject);
            }
        });
    }

    static void withSubject(DelegateTask task) {
        String subject = TaskSubject.VARIABLE.get(task);
        // A process started before subjects existed keeps the plain name.
        if (subject != null && task.getName() != null) {
            task.setName(task.getName() + ": " + subject);
        }
    }
}
