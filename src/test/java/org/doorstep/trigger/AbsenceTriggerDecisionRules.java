package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doorstep.trigger.TriggerAction.CME_REFERRAL;
import static org.doorstep.trigger.TriggerAction.CONSIDER_LEGAL_ACTION;
import static org.doorstep.trigger.TriggerAction.CONTACT_ATTEMPTS;
import static org.doorstep.trigger.TriggerAction.DSL_REVIEW;
import static org.doorstep.trigger.TriggerAction.MANDATORY_VISIT;
import static org.doorstep.trigger.TriggerAction.PNAR;
import static org.doorstep.trigger.TriggerAction.SAFE_AND_WELL_VISIT;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.doorstep.policy.PolicyProfile;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every rule of dmn/absence-trigger.dmn, at its threshold and just below it, under the legacy FEEL
 * the daily evaluation uses and under the default FEEL the process engine (Cockpit) uses.
 */
abstract class AbsenceTriggerDecisionRules {

    /** The safe defaults (policies/defaults.yml). */
    static final PolicyProfile.Triggers DEFAULTS = new PolicyProfile.Triggers(1, 3, 2, 5, 10, 90, 3, 20, 10, 10, List.of("MANDATORY_VISIT"));

    final TriggerDecision decision = new TriggerDecision(legacyFeel());

    abstract boolean legacyFeel();

    /** An absent child whose family rang in with a reason, seen yesterday, attendance fine: nothing due. */
    static Inputs quiet() {
        return new Inputs();
    }

    /** A mutable builder over TriggerDecision.Inputs, so each test names only what it changes. */
    static final class Inputs {
        int days = 1;
        boolean contact = true;
        boolean reason = true;
        int sinceSeen = 1;
        boolean vulnerable;
        boolean safeguarding;
        int unauthorisedDays;
        int unauthorisedSessions;
        double term = 100;
        double window = 100;
        boolean holiday;
        boolean whereaboutsUnknown;

        TriggerDecision.Inputs build() {
            return new TriggerDecision.Inputs(days, contact, reason, sinceSeen, vulnerable, safeguarding, unauthorisedDays,
                    unauthorisedSessions, term, window, holiday, whereaboutsUnknown);
        }
    }

    List<TriggerAction> actions(Inputs inputs) {
        return actions(inputs, DEFAULTS);
    }

    List<TriggerAction> actions(Inputs inputs, PolicyProfile.Triggers thresholds) {
        return decision.evaluate(inputs.build(), thresholds).stream().map(TriggerDecision.Due::action).toList();
    }

    @Test
    void nothingIsDueForAnExplainedShortAbsence() {
        assertThat(actions(quiet())).isEmpty();
    }

    @Test
    void contactAttemptsFromDayOneWithoutContact() {
        Inputs inputs = quiet();
        inputs.contact = false;
        inputs.reason = false;
        assertThat(actions(inputs)).containsExactly(CONTACT_ATTEMPTS);
        inputs.holiday = true;
        assertThat(actions(inputs)).isEmpty();
    }

    @Test
    void safeAndWellVisitOnDayThreeWithoutContact() {
        Inputs inputs = quiet();
        inputs.contact = false;
        inputs.days = 2;
        assertThat(actions(inputs)).containsExactly(CONTACT_ATTEMPTS);
        inputs.days = 3;
        assertThat(actions(inputs)).containsExactly(CONTACT_ATTEMPTS, SAFE_AND_WELL_VISIT);
    }

    @Test
    void safeAndWellVisitSoonerForAVulnerableChildAndTheDslIsTold() {
        Inputs inputs = quiet();
        inputs.contact = false;
        inputs.vulnerable = true;
        assertThat(actions(inputs)).containsExactly(CONTACT_ATTEMPTS);
        inputs.days = 2;
        assertThat(actions(inputs)).containsExactly(CONTACT_ATTEMPTS, SAFE_AND_WELL_VISIT, DSL_REVIEW);
    }

    @Test
    void safeAndWellVisitWhenTheFamilyGivesNoReason() {
        Inputs inputs = quiet();
        inputs.reason = false;
        inputs.days = 2;
        assertThat(actions(inputs)).isEmpty();
        inputs.days = 3;
        assertThat(actions(inputs)).containsExactly(SAFE_AND_WELL_VISIT);
    }

    @Test
    void mandatoryVisitWhenNotSeenForMoreThanFiveSchoolDays() {
        Inputs inputs = quiet();
        inputs.days = 5;
        inputs.sinceSeen = 5;
        assertThat(actions(inputs)).isEmpty();
        inputs.days = 6;
        inputs.sinceSeen = 6;
        assertThat(actions(inputs)).containsExactly(MANDATORY_VISIT);
    }

    @Test
    void dslReviewOnSafeguardingIndicators() {
        Inputs inputs = quiet();
        inputs.safeguarding = true;
        assertThat(actions(inputs)).containsExactly(DSL_REVIEW);
    }

    @Test
    void dslReviewForSevereAbsenceThisTerm() {
        Inputs inputs = quiet();
        inputs.term = 50;
        inputs.window = 95;
        assertThat(actions(inputs)).isEmpty();
        inputs.term = 49.5;
        assertThat(actions(inputs)).containsExactly(DSL_REVIEW);
    }

    @Test
    void pnarAfterTenConsecutiveUnauthorisedDays() {
        Inputs inputs = quiet();
        inputs.holiday = true;
        inputs.sinceSeen = 9;
        inputs.days = 9;
        inputs.unauthorisedDays = 9;
        assertThat(actions(inputs)).isEmpty();
        inputs.unauthorisedDays = 10;
        assertThat(actions(inputs)).containsExactly(PNAR);
    }

    @Test
    void cmeReferralWhenWhereaboutsAreUnknown() {
        Inputs inputs = quiet();
        inputs.whereaboutsUnknown = true;
        assertThat(actions(inputs)).containsExactly(CME_REFERRAL);
    }

    @Test
    void legalActionBelowTheSchoolsAttendanceThreshold() {
        Inputs inputs = quiet();
        inputs.window = 90;
        assertThat(actions(inputs)).isEmpty();
        inputs.window = 89.9;
        assertThat(actions(inputs)).containsExactly(CONSIDER_LEGAL_ACTION);
        // A school that sets a lower threshold is held to its own.
        assertThat(actions(inputs, new PolicyProfile.Triggers(1, 3, 2, 5, 10, 85, 3, 20, 10, 10, List.of("MANDATORY_VISIT")))).isEmpty();
    }

    @Test
    void legalActionConsideredAtTenUnauthorisedSessionsInTenSchoolWeeks() {
        Inputs inputs = quiet();
        inputs.unauthorisedSessions = 9;
        assertThat(actions(inputs)).isEmpty();
        inputs.unauthorisedSessions = 10;
        assertThat(actions(inputs)).containsExactly(CONSIDER_LEGAL_ACTION);
    }

    @Test
    void thresholdsComeFromTheSchoolsPolicy() {
        Inputs inputs = quiet();
        inputs.contact = false;
        inputs.days = 2;
        PolicyProfile.Triggers visitOnDayTwo = new PolicyProfile.Triggers(1, 2, 2, 5, 10, 90, 3, 20, 10, 10, List.of("MANDATORY_VISIT"));
        assertThat(actions(inputs, visitOnDayTwo)).containsExactly(CONTACT_ATTEMPTS, SAFE_AND_WELL_VISIT);
    }

    @Test
    void everyRuleNamesItsSourceInItsAnnotation() throws Exception {
        try (InputStream in = new ClassPathResource(TriggerDecision.RESOURCE).getInputStream()) {
            DmnModelInstance model = Dmn.readModelFromStream(in);
            var rules = model.getModelElementsByType(Rule.class);
            assertThat(rules).hasSize(12);
            for (Rule rule : rules) {
                assertThat(rule.getDescription()).as(rule.getId()).isNotNull();
                assertThat(rule.getDescription().getTextContent()).as(rule.getId())
                        .containsAnyOf("Statute", "Guidance", "guidance", "School policy");
            }
        }
    }
}
