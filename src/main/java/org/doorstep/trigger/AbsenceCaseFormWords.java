package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.MISSED_VISIT_STATUS;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.OPENED_ON;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.doorstep.visit.VisitStatusLabel;
import org.doorstep.workflow.FormDisplay;
import org.doorstep.workflow.FormWords;
import org.springframework.stereotype.Component;

/**
 * An absence case's forms show the day it opened as staff write it ("Mon 23 Nov 2026", not 2026-11-23)
 * and how a missed visit ended in words ("Not authorised", not REJECTED).
 */
@Component
class AbsenceCaseFormWords implements FormWords {

    static final String DISPLAY_OPENED_ON = "displayOpenedOn";
    static final String DISPLAY_MISSED_VISIT_STATUS = "displayMissedVisitStatus";

    @Override
    public void describe(DelegateTask task) {
        if (!task.getProcessDefinitionId().startsWith(AbsenceCaseProcess.KEY + ":")) {
            return;
        }
        String openedOn = OPENED_ON.get(task);
        task.setVariableLocal(DISPLAY_OPENED_ON, openedOn == null ? "" : FormDisplay.day(LocalDate.parse(openedOn)));
        String missedVisitStatus = MISSED_VISIT_STATUS.get(task);
        if (missedVisitStatus != null) {
            task.setVariableLocal(DISPLAY_MISSED_VISIT_STATUS, VisitStatusLabel.labelOf(missedVisitStatus));
        }
    }
}
