package org.doorstep.trigger;

/** What the absence-trigger decision can ask for today; no action at all means nothing is due. */
public enum TriggerAction {
    CONTACT_ATTEMPTS,
    SAFE_AND_WELL_VISIT,
    MANDATORY_VISIT,
    DSL_REVIEW,
    PNAR,
    CME_REFERRAL,
    CONSIDER_LEGAL_ACTION;

    /** Contact attempts are due again each school day until contact is made; every other need once per case. */
    String keyFor(java.time.LocalDate day) {
        return this == CONTACT_ATTEMPTS ? name() + "@" + day : name();
    }

    boolean isVisit() {
        return this == SAFE_AND_WELL_VISIT || this == MANDATORY_VISIT;
    }
}
