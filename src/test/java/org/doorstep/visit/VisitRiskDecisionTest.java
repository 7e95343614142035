package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.doorstep.workflow.ProcessVariable;
import java.util.stream.Stream;
import org.camunda.bpm.engine.DecisionService;
import org.doorstep.DoorstepTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every rule of dmn/visit-risk.dmn, with the policy clause it comes from (the rule's annotation). */
@DoorstepTest
class VisitRiskDecisionTest {

    @Autowired
    DecisionService decisions;

    static Stream<Arguments> everyRule() {
        return Stream.of(
                // rule, input that makes it fire, level, paired, check-in minutes, senior decision
                Arguments.of("01 Lynnfield 3: on the LA protection register", "protectionRegisterHit", "attendance", "high", true, 10, true),
                Arguments.of("02 William Lilley App. 1: aggressive family member", "hazardAggressiveFamilyMember", "attendance", "high", true, 10, true),
                Arguments.of("03 Burgh 11: known incidents", "hazardKnownIncidents", "attendance", "medium", true, 15, false),
                Arguments.of("04 Thames View 3.8-3.9: dangerous animals", "hazardDangerousAnimals", "attendance", "medium", true, 15, false),
                Arguments.of("05 Burgh 5 and 11: safeguarding visit", null, "safeguarding", "medium", true, 15, false),
                Arguments.of("06 William Lilley App. 1: lone working", "hazardLoneWorking", "attendance", "low", true, 20, false),
                Arguments.of("07 William Lilley App. 1: driving", "hazardDriving", "attendance", "low", false, 20, false),
                Arguments.of("08 William Lilley App. 1: public areas", "hazardPublicAreas", "attendance", "low", false, 20, false),
                Arguments.of("09 William Lilley App. 1: illness or injury", "hazardIllnessOrInjury", "attendance", "low", false, 20, false),
                Arguments.of("10 safe default: nothing known", null, "attendance", "low", false, 20, false));
    }

    static final List<ProcessVariable<Boolean>> HAZARDS = List.of(PROTECTION_REGISTER_HIT, HAZARD_AGGRESSIVE_FAMILY_MEMBER,
            HAZARD_KNOWN_INCIDENTS, HAZARD_DANGEROUS_ANIMALS, HAZARD_DRIVING, HAZARD_PUBLIC_AREAS, HAZARD_ILLNESS_OR_INJURY,
            HAZARD_LONE_WORKING);

    /** The decision's inputs as the process passes them: every hazard answered, and the reason. */
    static Map<String, Object> inputs(String reason, Predicate<String> ticked) {
        Map<String, Object> inputs = new HashMap<>();
        HAZARDS.forEach(hazard -> hazard.putInto(inputs, ticked.test(hazard.name())));
        REASON.putInto(inputs, reason);
        return inputs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRule")
    void eachRuleGivesTheRiskItsPolicySourceSays(String rule, String hazard, String reason, String level, boolean paired,
            int checkInMinutes, boolean senior) {
        Map<String, Object> inputs = inputs(reason, name -> name.equals(hazard));
        org.camunda.bpm.dmn.engine.DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(HomeVisitProcess.RISK_DECISION_KEY, inputs)
                .getSingleResult();
        assertThat((String) result.getEntry("riskLevel")).isEqualTo(level);
        assertThat((Boolean) result.getEntry("pairedRequired")).isEqualTo(paired);
        assertThat(((Number) result.getEntry("checkInMinutes")).intValue()).isEqualTo(checkInMinutes);
        assertThat((Boolean) result.getEntry("seniorDecisionNeeded")).isEqualTo(senior);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRule")
    void theMostSeriousRuleWinsWhenSeveralApply(String rule, String hazard, String reason, String level, boolean paired,
            int checkInMinutes, boolean senior) {
        Map<String, Object> inputs = inputs(reason, name -> true);
        assertThat((String) decisions.evaluateDecisionTableByKey(HomeVisitProcess.RISK_DECISION_KEY, inputs)
                .getSingleResult().getEntry("riskLevel")).isEqualTo("high");
    }
}
