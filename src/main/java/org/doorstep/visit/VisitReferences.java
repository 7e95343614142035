package org.doorstep.visit;

import java.util.Optional;
import org.doorstep.school.School;
import org.doorstep.school.SchoolDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out visit references, HV-&lt;school prefix&gt;-&lt;number&gt;, from the school's row in
 * school_reference_sequence. Taking a number locks that row until the request commits, so requests of
 * one school queue briefly and never collide; a failed request gives its number back. The prefix is the
 * one the school declared when it was onboarded, unique across the install.
 */
@Component
class VisitReferences {

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final TransactionTemplate savepoint;

    VisitReferences(JdbcClient jdbc, SchoolDirectory directory, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(String schoolId) {
        return take(schoolId).orElseGet(() -> start(schoolId));
    }

    private Optional<String> take(String schoolId) {
        if (jdbc.sql("UPDATE school_reference_sequence SET next_value = next_value + 1 WHERE school_id = ?")
                .param(schoolId).update() == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT prefix, next_value - 1 FROM school_reference_sequence WHERE school_id = ?").param(schoolId)
                .query((rs, row) -> reference(rs.getString(1), rs.getLong(2))).optional();
    }

    /**
     * The school's first visit creates its counter. No school row is locked for it: a visit being
     * inserted holds a key-share lock on its school, and waiting for an update lock on that row while
     * holding the counter deadlocked on PostgreSQL. The counter's own key settles the race instead.
     */
    private String start(String schoolId) {
        String prefix = directory.school(schoolId).map(School::referencePrefix)
                .orElseThrow(() -> new IllegalStateException("No school " + schoolId + " to number a visit for"));
        long first = firstNumber(prefix);
        try {
            // In a savepoint, so that a lost race fails this insert alone and the request goes on.
            savepoint.executeWithoutResult(status -> jdbc.sql(
                    "INSERT INTO school_reference_sequence (school_id, prefix, next_value) VALUES (?, ?, ?)")
                    .params(schoolId, prefix, first + 1).update());
            return reference(prefix, first);
        } catch (DuplicateKeyException concurrentFirstVisit) {
            // The insert waited for the other request's counter to commit: take the next number from it.
            return take(schoolId).orElseThrow(() -> new IllegalStateException(
                    "Reference prefix " + prefix + " of school " + schoolId + " is counted for another school"));
        }
    }

    /** Visits numbered before the counter existed keep their references; numbering carries on after them. */
    private long firstNumber(String prefix) {
        String start = "HV-" + prefix + "-";
        return jdbc.sql("SELECT reference FROM visit WHERE reference LIKE ?").param(start + "%")
                .query(String.class).list().stream()
                .map(reference -> reference.substring(start.length()))
                .filter(number -> number.matches("\\d{1,18}"))
                .mapToLong(Long::parseLong).max().orElse(0) + 1;
    }

    private static String reference(String prefix, long number) {
        return "HV-" + prefix + "-" + String.format("%05d", number);
    }
}
