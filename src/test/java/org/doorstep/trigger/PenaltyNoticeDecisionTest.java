package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doorstep.trigger.ImprovementPeriod.ENDED_IMPROVED;
import static org.doorstep.trigger.ImprovementPeriod.ENDED_NOT_IMPROVED;
import static org.doorstep.trigger.ImprovementPeriod.NONE;
import static org.doorstep.trigger.ImprovementPeriod.RUNNING;
import static org.doorstep.trigger.PenaltyStep.ANOTHER_INTERVENTION;
import static org.doorstep.trigger.PenaltyStep.NOTHING;
import static org.doorstep.trigger.PenaltyStep.NOTICE_TO_IMPROVE;
import static org.doorstep.trigger.PenaltyStep.PENALTY_FIRST_RATE;
import static org.doorstep.trigger.PenaltyStep.PENALTY_HIGHER_RATE;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.doorstep.policy.PolicyProfile;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every rule of dmn/penalty-notice.dmn, each from a worked example of the statutory guidance ("Working
 * together to improve school attendance", August 2024) or a local authority's published code of conduct.
 */
class PenaltyNoticeDecisionTest {

    private static final int THRESHOLD = 10;
    /** Manchester City Council School Attendance Code of Conduct 7.1-7.3: notices to improve, 6 weeks. */
    private static final PolicyProfile.Penalties MANCHESTER =
            new PolicyProfile.Penalties("Manchester City Council School Attendance Code of Conduct", true, 6);
    /** An authority whose code sends no notices to improve (the guidance lets officers choose not to). */
    private static final PolicyProfile.Penalties NO_NOTICES =
            new PolicyProfile.Penalties("A code without notices to improve", false, 3);

    private final PenaltyDecision decision = new PenaltyDecision();

    private PenaltyStep step(ImprovementPeriod period, int sessions, int penalties, int notices, boolean holiday,
            PolicyProfile.Penalties code) {
        return decision.evaluate(new PenaltyDecision.Facts(period, sessions, penalties, notices, holiday), THRESHOLD, code).step();
    }

    @Test
    void belowTheNationalThresholdNothingIsDue() {
        // Manchester code 4.2: the threshold is 10 sessions within 10 school weeks; 9 is below it.
        assertThat(step(NONE, 9, 0, 0, false, MANCHESTER)).isEqualTo(NOTHING);
        assertThat(step(NONE, 0, 1, 1, false, MANCHESTER)).isEqualTo(NOTHING);
    }

    @Test
    void atTheThresholdAParentIsFirstSentANoticeToImprove() {
        // Norfolk schools: a notice to improve may go to any parent whose child has met the national threshold.
        assertThat(step(NONE, 10, 0, 0, false, MANCHESTER)).isEqualTo(NOTICE_TO_IMPROVE);
    }

    @Test
    void whileTheImprovementPeriodRunsNothingMoreIsRaised() {
        // Manchester code 7.5: the school monitors day to day during the notice's period.
        assertThat(step(RUNNING, 14, 0, 1, false, MANCHESTER)).isEqualTo(NOTHING);
    }

    @Test
    void noImprovementInThePeriodLeadsToTheFirstPenalty() {
        // Stockton-on-Tees code: further unauthorised absence within the six-week monitoring period, penalty notice.
        assertThat(step(ENDED_NOT_IMPROVED, 2, 0, 1, false, MANCHESTER)).isEqualTo(PENALTY_FIRST_RATE);
    }

    @Test
    void noImprovementAfterAFirstPenaltyLeadsToTheHigherRate() {
        // Warwickshire code 3.6: a second notice to the same parent for the same pupil is £160 flat.
        assertThat(step(ENDED_NOT_IMPROVED, 3, 1, 2, false, MANCHESTER)).isEqualTo(PENALTY_HIGHER_RATE);
    }

    @Test
    void noImprovementWithTwoPenaltiesAlreadyGoesToAnotherIntervention() {
        // Rotherham code 5: the third time within 3 years, the School Attendance Panel decides another tool.
        assertThat(step(ENDED_NOT_IMPROVED, 1, 2, 2, false, MANCHESTER)).isEqualTo(ANOTHER_INTERVENTION);
    }

    @Test
    void improvementThenTheThresholdAgainGoesStraightToAPenalty() {
        // Manchester code 7.1: an officer need not send a second notice to improve where the parent has had one.
        assertThat(step(ENDED_IMPROVED, 10, 0, 1, false, MANCHESTER)).isEqualTo(PENALTY_FIRST_RATE);
        assertThat(step(NONE, 10, 0, 1, false, MANCHESTER)).isEqualTo(PENALTY_FIRST_RATE);
    }

    @Test
    void aTermTimeHolidayNeedsNoNoticeToImprove() {
        // Warwickshire code 3.4 and Lincolnshire's code: support is not appropriate for a holiday in term time.
        assertThat(step(NONE, 10, 0, 0, true, MANCHESTER)).isEqualTo(PENALTY_FIRST_RATE);
    }

    @Test
    void whereTheCodeUsesNoNoticesToImproveTheFirstPenaltyComesAtTheThreshold() {
        assertThat(step(NONE, 10, 0, 0, false, NO_NOTICES)).isEqualTo(PENALTY_FIRST_RATE);
        assertThat(step(NONE, 9, 0, 0, false, NO_NOTICES)).isEqualTo(NOTHING);
    }

    @Test
    void theSecondPenaltyWithinThreeYearsIsAtTheHigherRate() {
        // Blackburn with Darwen, Blackpool and Lancashire joint code: second within 3 years at £160, no discount.
        assertThat(step(NONE, 10, 1, 1, false, MANCHESTER)).isEqualTo(PENALTY_HIGHER_RATE);
    }

    @Test
    void theThirdAndFourthTimeWithinThreeYearsGoToAnotherIntervention() {
        // Southwark code: threshold met a third time with 2 penalties already: prosecution or an
        // Education Supervision Order considered. The fourth time is no different: still at most 2 penalties.
        assertThat(step(NONE, 10, 2, 1, false, MANCHESTER)).isEqualTo(ANOTHER_INTERVENTION);
        assertThat(step(NONE, 12, 2, 1, true, NO_NOTICES)).isEqualTo(ANOTHER_INTERVENTION);
        assertThat(step(NONE, 9, 2, 1, false, MANCHESTER)).isEqualTo(NOTHING);
    }

    @Test
    void everyRuleCitesAGuidanceOrALocalCode() throws Exception {
        DmnModelInstance model;
        try (InputStream in = new ClassPathResource(PenaltyDecision.RESOURCE).getInputStream()) {
            model = Dmn.readModelFromStream(in);
        }
        List<Rule> rules = List.copyOf(model.getModelElementsByType(Rule.class));
        assertThat(rules).hasSize(9);
        assertThat(rules).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent())
                .matches("(?s).*(Guidance|Local code|Local codes|Working together).*"));
    }
}
