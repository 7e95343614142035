package org.doorstep.trigger;

/**
 * What dmn/penalty-notice.dmn decides for one parent of one pupil, in words for people. Every step but
 * {@link #NOTHING} becomes a penalty record (pending, then issued or waived).
 */
enum PenaltyStep {
    NOTHING("Nothing yet"),
    NOTICE_TO_IMPROVE("Notice to improve"),
    PENALTY_FIRST_RATE("Penalty notice (first: £160, £80 if paid within 21 days)"),
    PENALTY_HIGHER_RATE("Penalty notice (second within 3 years: £160)"),
    ANOTHER_INTERVENTION("Another intervention: prosecution or a parenting or education supervision order considered");

    private final String label;

    PenaltyStep(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** A penalty notice proper: the marks it rests on may not count towards another. */
    boolean isPenalty() {
        return this == PENALTY_FIRST_RATE || this == PENALTY_HIGHER_RATE;
    }
}
