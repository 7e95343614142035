package org.doorstep.visit;

import java.util.Arrays;

/**
 * What senior staff decide about a high-risk visit, from the least to the most cautious: when the
 * parties of a joint decision answer differently, the most cautious answer is the decision.
 */
enum SeniorOutcome {
    GO_AHEAD_WITH_CONTROLS("goAheadWithControls"),
    MEET_ELSEWHERE("meetElsewhere"),
    POLICE_WELFARE_CHECK("policeWelfareCheck"),
    /** A refusal: one party refusing refuses the visit, and nobody else need still decide. */
    DO_NOT_VISIT("doNotVisit");

    private final String value;

    SeniorOutcome(String value) {
        this.value = value;
    }

    /** The value the senior-risk-decision form submits and the outcome gateway compares. */
    String value() {
        return value;
    }

    static SeniorOutcome of(String value) {
        return Arrays.stream(values()).filter(outcome -> outcome.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown senior decision '" + value + "'"));
    }

    SeniorOutcome moreCautious(SeniorOutcome other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}
