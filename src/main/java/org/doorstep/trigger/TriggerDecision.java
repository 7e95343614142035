package org.doorstep.trigger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.doorstep.policy.PolicyProfile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Evaluates dmn/absence-trigger.dmn. The table is parsed once and evaluated with a DMN engine of
 * its own, outside the process engine: the daily run evaluates it for every pupil with an open
 * absence, and going through the DecisionService would write a history row per pupil per day.
 * The same file is deployed to the engine, so Cockpit shows the table that is used here.
 *
 * <p>Evaluated with the legacy FEEL/JUEL expression support: on this 12-input, 12-rule table the
 * default (Scala) FEEL engine managed about 300-430 evaluations per second on a 2-core machine,
 * the legacy one about 6,000-10,000. The table uses only unary tests and string literals, which
 * mean the same in both; AbsenceTriggerDecisionTest runs every rule under both engines.
 */
@Component
public class TriggerDecision {

    public static final String DECISION_KEY = "absence-trigger";
    static final String RESOURCE = "dmn/absence-trigger.dmn";

    private final DmnEngine dmnEngine;
    private final DmnDecision decision;

    TriggerDecision() {
        this(true);
    }

    TriggerDecision(boolean legacyFeel) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.enableFeelLegacyBehavior(legacyFeel);
        this.dmnEngine = configuration.buildEngine();
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.decision = dmnEngine.parseDecision(DECISION_KEY, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One pupil's absence as the decision sees it (school days, not calendar days). */
    public record Inputs(
            int consecutiveSchoolDaysAbsent,
            boolean contactMade,
            boolean reasonGiven,
            int schoolDaysSinceSeen,
            boolean vulnerable,
            boolean safeguardingIndicators,
            int consecutiveUnauthorisedDays,
            int unauthorisedSessionsInWindow,
            double attendanceTermPercent,
            double attendanceWindowPercent,
            boolean knownHoliday,
            boolean whereaboutsUnknown) {
    }

    public record Due(TriggerAction action, String reason) {
    }

    /** Every action due today, in table order, each action once. Empty: nothing is due. */
    public List<Due> evaluate(Inputs inputs, PolicyProfile.Triggers thresholds) {
        Map<String, Object> variables = new HashMap<>(32);
        variables.put("consecutiveSchoolDaysAbsent", inputs.consecutiveSchoolDaysAbsent());
        variables.put("contactMade", inputs.contactMade());
        variables.put("reasonGiven", inputs.reasonGiven());
        variables.put("schoolDaysSinceSeen", inputs.schoolDaysSinceSeen());
        variables.put("vulnerable", inputs.vulnerable());
        variables.put("safeguardingIndicators", inputs.safeguardingIndicators());
        variables.put("consecutiveUnauthorisedDays", inputs.consecutiveUnauthorisedDays());
        variables.put("unauthorisedSessionsInWindow", inputs.unauthorisedSessionsInWindow());
        variables.put("attendanceTermPercent", inputs.attendanceTermPercent());
        variables.put("attendanceWindowPercent", inputs.attendanceWindowPercent());
        variables.put("knownHoliday", inputs.knownHoliday());
        variables.put("whereaboutsUnknown", inputs.whereaboutsUnknown());
        variables.put("contactAttemptsFromDay", thresholds.contactAttemptsFromDay());
        variables.put("safeAndWellVisitFromDay", thresholds.safeAndWellVisitFromDay());
        variables.put("safeAndWellVisitFromDayWhenVulnerable", thresholds.safeAndWellVisitFromDayWhenVulnerable());
        variables.put("maxSchoolDaysWithoutEyesOn", thresholds.maxSchoolDaysWithoutEyesOn());
        variables.put("consecutiveUnauthorisedDaysForLocalAuthority", thresholds.consecutiveUnauthorisedDaysForLocalAuthority());
        variables.put("attendanceThresholdPercent", thresholds.attendanceThresholdPercent());
        variables.put("unauthorisedSessionsForNotice", thresholds.unauthorisedSessionsForNotice());
        Map<TriggerAction, Due> due = new LinkedHashMap<>();
        for (DmnDecisionRuleResult rule : dmnEngine.evaluateDecisionTable(decision, variables)) {
            TriggerAction action = TriggerAction.valueOf((String) rule.getEntry("action"));
            due.putIfAbsent(action, new Due(action, rule.getEntry("reason")));
        }
        return new ArrayList<>(due.values());
    }
}
