package org.doorstep.trigger;

import org.doorstep.visit.ChildSeenOnVisit;
import org.doorstep.workflow.EngineClock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A home visit that saw the child is "eyes on": the pupil's open absence episode ends (Burgh 6.3, App. A). */
@Component
class CloseCaseWhenChildSeenOnVisit {

    private final AbsenceCases cases;

    CloseCaseWhenChildSeenOnVisit(AbsenceCases cases) {
        this.cases = cases;
    }

    @EventListener
    void childSeen(ChildSeenOnVisit seen) {
        cases.childSeen(seen.pupilId(), seen.seenAt().atZone(EngineClock.SCHOOL_ZONE).toLocalDate(),
                "seen on home visit " + seen.visitReference(), seen.recordedBy());
    }
}
