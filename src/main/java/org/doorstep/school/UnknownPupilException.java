package org.doorstep.school;

public class UnknownPupilException extends RuntimeException {

    public UnknownPupilException(String pupilId) {
        super("No pupil with id '" + pupilId + "' is known to Doorstep");
    }
}
