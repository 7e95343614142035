package org.doorstep.safety;

import org.doorstep.notification.Outbox.Alert;
import org.doorstep.visit.ChildAtRiskAtTheDoor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A child alone or a concern at the door reaches the safeguarding lead beyond Tasklist too: an e-mail
 * and a text, like the gravest staff-safety alerts, queued in the outbox inside the door answers'
 * transaction (it runs synchronously), so it exists exactly when the DSL's task does.
 */
@Component
class AlertChildAtRiskAtTheDoor {

    private final SafetyNotifier notifier;

    AlertChildAtRiskAtTheDoor(SafetyNotifier notifier) {
        this.notifier = notifier;
    }

    @EventListener
    void on(ChildAtRiskAtTheDoor atRisk) {
        String reference = atRisk.visitReference();
        notifier.alertGroups(new Alert(atRisk.alertKey(), atRisk.schoolId(), reference,
                "Doorstep SAFEGUARDING: act now on " + reference,
                atRisk.summary() + " Address: " + atRisk.address() + ". At the door: " + atRisk.staffAtTheDoor()
                        + ". What they saw is in the visit's safeguarding notes; your task is at the top of Tasklist."),
                atRisk.groups(), true);
    }
}
