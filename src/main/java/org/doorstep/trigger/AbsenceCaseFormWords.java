package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.MISSED_VISIT_STATUS;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.PUPIL_NAME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.doorstep.visit.VisitStatusLabel;
import org.doorstep.workflow.FormDisplay;
import org.doorstep.workflow.FormWords;
import org.doorstep.workflow.TaskSubject;
import org.springframework.stereotype.Component;

/**
 * An absence case's forms show the day it opened as staff write it ("Mon 23 Nov 2026", not 2026-11-23)
 * and how a missed visit ended in words ("Not authorised", not REJECTED).
 *
 * <p>The day it opened is read from the case's row, and the task's subject is made from the pupil's name and
 * the case reference (the business key), rather than each kept as a process variable: a case's variables are
 * most of the rows it writes (docs/benchmarks.md, item 2), and nothing routes on these. The subject is a
 * transient variable: {@code workflow.TaskNames}, a later create-listener, reads it and nothing stores it.
 */
@Component
class AbsenceCaseFormWords implements FormWords {

    static final String DISPLAY_OPENED_ON = "displayOpenedOn";
    static final String DISPLAY_MISSED_VISIT_STATUS = "displayMissedVisitStatus";

    private final AbsenceCases cases;

    AbsenceCaseFormWords(AbsenceCases cases) {
        this.cases = cases;
    }

    @Override
    public void describe(DelegateTask task) {
        if (!task.getProcessDefinitionId().startsWith(AbsenceCaseProcess.KEY + ":")) {
            return;
        }
        String reference = task.getExecution().getProcessBusinessKey();
        task.setVariableLocal(DISPLAY_OPENED_ON,
                cases.find(reference).map(c -> FormDisplay.day(c.openedOn())).orElse(""));
        task.setVariableLocal(TaskSubject.VARIABLE.name(),
                Variables.stringValue(TaskSubject.of(PUPIL_NAME.get(task), reference), true));
        String missedVisitStatus = MISSED_VISIT_STATUS.get(task);
        if (missedVisitStatus != null) {
            task.setVariableLocal(DISPLAY_MISSED_VISIT_STATUS, VisitStatusLabel.labelOf(missedVisitStatus));
        }
    }
}
