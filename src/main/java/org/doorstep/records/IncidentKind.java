package org.doorstep.records;

/** What was recorded for review (Burgh 11): something happened, or nearly did. */
public enum IncidentKind {
    INCIDENT("Incident"),
    NEAR_MISS("Near miss");

    private final String label;

    IncidentKind(String label) {
        this.label = label;
    }

    /** As the pages show it. */
    public String label() {
        return label;
    }
}
