package org.doorstep.trigger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.doorstep.policy.PolicyProfile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Evaluates dmn/penalty-notice.dmn, the national penalty-notice framework, for one parent of one pupil.
 * Parsed once and evaluated outside the process engine like {@link TriggerDecision} (the daily run asks
 * it for every pupil over the threshold); the same file is deployed, so Cockpit shows the table used.
 */
@Component
class PenaltyDecision {

    static final String DECISION_KEY = "penalty-notice";
    static final String RESOURCE = "dmn/penalty-notice.dmn";

    private final DmnEngine dmnEngine;
    private final DmnDecision decision;

    PenaltyDecision() {
        this.dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.decision = dmnEngine.parseDecision(DECISION_KEY, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counted facts for one parent of one pupil (see {@link PenaltyCounting}). */
    record Facts(ImprovementPeriod improvementPeriod, int unauthorisedSessions, int penaltiesInThreeYears,
            int noticesToImproveInThreeYears, boolean holidayOnly) {
    }

    record Outcome(PenaltyStep step, String reason) {
    }

    Outcome evaluate(Facts facts, int threshold, PolicyProfile.Penalties code) {
        Map<String, Object> variables = new HashMap<>(16);
        variables.put("improvementPeriod", facts.improvementPeriod().name());
        variables.put("unauthorisedSessions", facts.unauthorisedSessions());
        variables.put("penaltiesInThreeYears", facts.penaltiesInThreeYears());
        variables.put("noticesToImproveInThreeYears", facts.noticesToImproveInThreeYears());
        variables.put("noticesToImproveUsed", code.noticesToImprove());
        variables.put("holidayOnly", facts.holidayOnly());
        variables.put("unauthorisedSessionsForNotice", threshold);
        DmnDecisionRuleResult first = dmnEngine.evaluateDecisionTable(decision, variables).getFirstResult();
        if (first == null) {
            // The table covers every case; a gap is a fault in the table, never a silent "nothing".
            throw new IllegalStateException("dmn/penalty-notice.dmn has no rule for " + facts);
        }
        return new Outcome(PenaltyStep.valueOf(first.getEntry("step")), first.getEntry("reason"));
    }
}
