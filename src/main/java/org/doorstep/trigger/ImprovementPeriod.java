package org.doorstep.trigger;

/** Where the parent stands with the latest notice to improve that no penalty has followed. */
enum ImprovementPeriod {
    NONE("No notice to improve open"),
    RUNNING("Improvement period running"),
    ENDED_IMPROVED("Improvement period ended: attendance improved"),
    ENDED_NOT_IMPROVED("Improvement period ended: further unauthorised absence");

    private final String label;

    ImprovementPeriod(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
