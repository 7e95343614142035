package org.doorstep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The rules of the error shape, without a server: short quotes, short details, no internals in a 500. */
class ProblemsTest {

    @Test
    void anInputIsQuotedWhole_upToEightyCharacters_andShortenedBeyond() {
        assertThat(Problems.shorten("TVJ-0001")).isEqualTo("TVJ-0001");
        assertThat(Problems.shorten("a".repeat(80))).isEqualTo("a".repeat(80));
        assertThat(Problems.shorten("a".repeat(81))).isEqualTo("a".repeat(80) + "…");
        assertThat(Problems.shorten(null)).isEqualTo("null");
    }

    @Test
    void aProblemCarriesTitleStatusAndACappedDetail() {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "d".repeat(5_000));
        assertThat(problem.getTitle()).isEqualTo("Bad Request");
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).hasSize(Problems.DETAIL_LIMIT + 1).endsWith("…");
    }

    @Test
    void aFieldProblemNamesTheFieldAndAListKeepsEachItemShort() {
        ProblemDetail field = Problems.badField("reason", "reason is required").getBody();
        assertThat(field.getProperties()).containsEntry("field", "reason");
        ProblemDetail list = Problems.withProblems(HttpStatus.UNPROCESSABLE_ENTITY, "The profiles were not changed",
                List.of("late.yml: visit.lateParentLimit", "p".repeat(2_000)));
        assertThat((List<?>) list.getProperties().get("problems")).hasSize(2)
                .allSatisfy(item -> assertThat(item.toString().length()).isLessThanOrEqualTo(Problems.DETAIL_LIMIT + 1));
    }

    @Test
    void anUnexpectedErrorIsA500ThatRevealsNothingOfIt() {
        ProblemDetail bug = new ApiErrors().bug(new IllegalStateException("SQL state 23505 in table visit, key TVJ-0001"));
        assertThat(bug.getStatus()).isEqualTo(500);
        assertThat(bug.getDetail()).doesNotContain("SQL").doesNotContain("visit,").doesNotContain("IllegalState");
    }
}
