package org.doorstep.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An imported file that cannot be trusted as a whole (a wrong header, XML that is not well-formed, a
 * DTD): nothing in it is read, and the caller gets 400 saying where it went wrong.
 */
public class RefusedFileException extends ErrorResponseException {

    public RefusedFileException(String detail) {
        super(HttpStatus.BAD_REQUEST, Problems.problem(HttpStatus.BAD_REQUEST, detail), null);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
