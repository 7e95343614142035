package org.doorstep.school;

import org.doorstep.api.Problems;

public class UnknownPupilException extends RuntimeException {

    public UnknownPupilException(String pupilId) {
        super("No pupil with id '" + Problems.shorten(pupilId) + "' is known to Doorstep");
    }
}
