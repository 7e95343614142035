package org.doorstep.trigger;

import java.util.EnumSet;
import java.util.Set;
import org.doorstep.policy.PolicyProfile;

/** What the absence-trigger decision can ask for today; no action at all means nothing is due. */
public enum TriggerAction {
    CONTACT_ATTEMPTS("Contact attempts"),
    SAFE_AND_WELL_VISIT("Safe-and-well visit"),
    MANDATORY_VISIT("Mandatory visit (not seen for too long)"),
    DSL_REVIEW("Safeguarding review by the DSL"),
    PNAR("Notify the local authority (PNAR)"),
    CME_REFERRAL("Children Missing Education referral"),
    CONSIDER_LEGAL_ACTION("Consider legal action");

    private final String label;

    TriggerAction(String label) {
        this.label = label;
    }

    /** The need in words, as pages show it. */
    public String label() {
        return label;
    }

    /**
     * Contact attempts are due again each school day until contact is made; every other need once per case,
     * except a "must" visit, raised again while unseen (see {@link AbsenceCases#actionDue}).
     */
    String keyFor(java.time.LocalDate day) {
        return this == CONTACT_ATTEMPTS ? name() + "@" + day : name();
    }

    boolean isVisit() {
        return this == SAFE_AND_WELL_VISIT || this == MANDATORY_VISIT;
    }

    /** The ladder visits the school's policy says must take place (triggers.mustVisits). */
    static Set<TriggerAction> mustVisits(PolicyProfile profile) {
        Set<TriggerAction> must = EnumSet.noneOf(TriggerAction.class);
        profile.triggers().mustVisits().forEach(name -> must.add(valueOf(name)));
        return must;
    }
}
