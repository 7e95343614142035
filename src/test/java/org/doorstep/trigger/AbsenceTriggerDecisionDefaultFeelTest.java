package org.doorstep.trigger;

/** The trigger table as the process engine (Cockpit, DecisionService) runs it: the default FEEL engine. */
class AbsenceTriggerDecisionDefaultFeelTest extends AbsenceTriggerDecisionRules {

    @Override
    boolean legacyFeel() {
        return false;
    }
}
