package org.doorstep.safety;

/** A check-in Doorstep will not take: it changed nothing. The reason says why, for the person who sent it. */
public class CheckInRefusedException extends RuntimeException {

    public enum Reason {
        UNKNOWN_VISIT(404),
        BAD_REQUEST(400),
        NOT_ASSIGNED(403),
        NOT_SIGNED_OUT(409),
        WATCH_ENDED(409),
        NOT_EXPECTED_NOW(409),
        BUSY(409);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;

    public CheckInRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
