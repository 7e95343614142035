package org.doorstep.trigger;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The penalty-notice pipeline counted for reports (the leaders' report): how many records each step and
 * status holds, in the words {@link PenaltyStep} and {@link PenaltyCounting.Status} declare, so a report
 * never copies the labels.
 */
@Service
public class PenaltyPipeline {

    private final JdbcClient jdbc;

    PenaltyPipeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records of one step in one status at one school. */
    public record Count(String schoolId, String step, String stepLabel, String status, String statusLabel, long count) {
    }

    /** Records raised from {@code from} to {@code to} (both included) at these schools, in step then status order. */
    public List<Count> counts(Collection<String> schoolIds, LocalDate from, LocalDate to) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT school_id, step, status, COUNT(*) n FROM penalty_record
                WHERE school_id IN (:schools) AND raised_on >= :from AND raised_on <= :to
                GROUP BY school_id, step, status""")
                .param("schools", schoolIds).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((row, n) -> {
                    PenaltyStep step = PenaltyStep.valueOf(row.getString("step"));
                    PenaltyCounting.Status status = PenaltyCounting.Status.valueOf(row.getString("status"));
                    return new Count(row.getString("school_id"), step.name(), step.label(), status.name(), status.label(),
                            row.getLong("n"));
                }).list().stream()
                .sorted(java.util.Comparator.comparing((Count c) -> PenaltyStep.valueOf(c.step()).ordinal())
                        .thenComparing(c -> PenaltyCounting.Status.valueOf(c.status()).ordinal()))
                .toList();
    }
}
