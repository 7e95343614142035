package org.doorstep.trigger;

/** The trigger table as the daily evaluation runs it (legacy FEEL/JUEL, see TriggerDecision). */
class AbsenceTriggerDecisionLegacyFeelTest extends AbsenceTriggerDecisionRules {

    @Override
    boolean legacyFeel() {
        return true;
    }
}
