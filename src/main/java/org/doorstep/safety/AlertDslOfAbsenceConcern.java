package org.doorstep.safety;

import org.doorstep.notification.Outbox.Alert;
import org.doorstep.trigger.AbsenceConcernRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Safeguarding indicators or "whereabouts unknown" recorded by the office reach the safeguarding lead
 * beyond Tasklist too, as a concern at the door does ({@link AlertChildAtRiskAtTheDoor}): an e-mail and a
 * text queued in the outbox in the office's transaction, so the alert exists exactly when the DSL's task does.
 */
@Component
class AlertDslOfAbsenceConcern {

    private final SafetyNotifier notifier;

    AlertDslOfAbsenceConcern(SafetyNotifier notifier) {
        this.notifier = notifier;
    }

    @EventListener
    void on(AbsenceConcernRecorded concern) {
        notifier.alertGroups(new Alert(concern.alertKey(), concern.schoolId(), null,
                "Doorstep SAFEGUARDING: absence case " + concern.caseReference() + " needs you now",
                concern.summary() + " for " + concern.pupilName() + " (absence case " + concern.caseReference()
                        + "). The office's notes are in the case; your task is in Tasklist."),
                concern.groups(), true);
    }
}
