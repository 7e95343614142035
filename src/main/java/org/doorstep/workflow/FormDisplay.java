package org.doorstep.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place forms get their words: a create-listener on every user task asks each feature's
 * {@link FormWords} to describe the task, and the formats every feature uses for people live here
 * (times on the school's clock, durations in minutes, Yes or No), so no model needs a listener of
 * its own and no form shows a developer's value.
 */
@Component
public class FormDisplay extends AbstractProcessEnginePlugin {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK)
            .withZone(EngineClock.SCHOOL_ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK)
            .withZone(EngineClock.SCHOOL_ZONE);

    private final ObjectProvider<FormWords> words;
    private final FormValidation forms;

    FormDisplay(ObjectProvider<FormWords> words, FormValidation forms) {
        this.words = words;
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, FormDisplay.this::describe);
            }
        });
    }

    private void describe(DelegateTask task) {
        Predicate<String> formMentions = forms.mentionedBy(task);
        words.orderedStream().forEach(feature -> feature.describe(task, formMentions));
    }

    /** The key of the task's Camunda Form (its formRef, e.g. "plan-visit"); null for a task without one. */
    public static String formKey(DelegateTask task) {
        UserTask model = (UserTask) task.getBpmnModelElementInstance();
        return model == null ? null : model.getCamundaFormRef();
    }

    /** A moment as staff read it on the school's clock: "Mon 30 Nov, 11:00" (British Summer Time too). */
    public static String dayAndTime(Instant moment) {
        return moment == null ? "" : DAY_AND_TIME.format(moment);
    }

    /** A school day: "Mon 23 Nov 2026". */
    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** The clock time of a moment at the school: "11:20". */
    public static String time(Instant moment) {
        return moment == null ? "" : TIME.format(moment);
    }

    /** A duration in minutes: "20 minutes", "1 minute", "90 minutes". */
    public static String minutes(Duration duration) {
        if (duration == null) {
            return "";
        }
        long minutes = duration.toMinutes();
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    public static String yesNo(Boolean value) {
        return Boolean.TRUE.equals(value) ? "Yes" : "No";
    }
}
