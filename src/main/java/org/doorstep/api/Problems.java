package org.doorstep.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Doorstep's one error shape (RFC 9457 problem details: {@code title}, {@code status}, {@code detail}, and
 * where useful {@code field} or {@code problems}), and the rule that an input is quoted in an answer only
 * shortened, so a megabyte sent in is never a megabyte sent back.
 */
public final class Problems {

    /** Longest piece of a caller's input that an error message repeats. */
    public static final int QUOTE_LIMIT = 80;
    /** Longest detail an error answer carries, whatever produced it. */
    static final int DETAIL_LIMIT = 1_000;

    private Problems() {
    }

    /** The input as it may appear in a message: at most {@link #QUOTE_LIMIT} characters, then "…". */
    public static String shorten(Object input) {
        String text = String.valueOf(input);
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
    }

    public static ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, capped(detail));
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known != null) {
            problem.setTitle(known.getReasonPhrase());
        }
        return problem;
    }

    /** A missing or invalid request field: 400 naming the field. */
    public static ErrorResponseException badField(String field, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("field", field);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** A refusal with a list of things wrong, e.g. a policy profile's every fault. */
    public static ProblemDetail withProblems(HttpStatusCode status, String detail, List<String> problems) {
        ProblemDetail problem = problem(status, detail);
        problem.setProperty("problems", problems.stream().map(Problems::capped).toList());
        return problem;
    }

    static String capped(String detail) {
        if (detail == null || detail.length() <= DETAIL_LIMIT) {
            return detail;
        }
        return detail.substring(0, DETAIL_LIMIT) + "…";
    }
}
