package org.doorstep.register;

/** The two grounds for deleting a pupil's name that rest on absence and joint enquiries; only the headteacher decides. */
enum DeletionGround {
    CONTINUOUS_ABSENCE(DutyKind.DELETION_CONTINUOUS_ABSENCE),
    NO_RETURN_FROM_LEAVE(DutyKind.DELETION_NO_RETURN_FROM_LEAVE);

    private final DutyKind duty;

    DeletionGround(DutyKind duty) {
        this.duty = duty;
    }

    DutyKind duty() {
        return duty;
    }
}
