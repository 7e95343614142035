package org.doorstep.register;

/** The two grounds for deleting a pupil's name that rest on absence and joint enquiries; only the headteacher decides. */
enum DeletionGround {
    CONTINUOUS_ABSENCE(DutyKind.DELETION_CONTINUOUS_ABSENCE, "20 school days' continuous absence"),
    NO_RETURN_FROM_LEAVE(DutyKind.DELETION_NO_RETURN_FROM_LEAVE, "not back from leave of absence");

    private final DutyKind duty;
    private final String label;

    DeletionGround(DutyKind duty, String label) {
        this.duty = duty;
        this.label = label;
    }

    String label() {
        return label;
    }

    DutyKind duty() {
        return duty;
    }
}
