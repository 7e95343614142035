package org.doorstep.visit;

import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
 * one school queue briefly and never collide; a failed request gives its number back.
 *
 * <p>A school's prefix is fixed when its first visit is requested: the first three letters of its id as
 * before, more of its id when another school already has them (issue 11 will let onboarding choose it).
 */
@Component
class VisitReferences {

    private static final int SHORTEST_PREFIX = 3;
    private static final int LONGEST_PREFIX = 20;
    private static final int MAX_ATTEMPTS = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    VisitReferences(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
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
     * holding the counter deadlocked on PostgreSQL. The counter's own keys settle every race instead.
     */
    private String start(String schoolId) {
        Iterator<String> candidates = prefixes(schoolId).filter(this::isFree).iterator();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String prefix = candidates.next();
            long first = firstNumber(prefix);
            try {
                // In a savepoint, so that a lost race fails this insert alone and the request goes on.
                savepoint.executeWithoutResult(status -> jdbc.sql(
                        "INSERT INTO school_reference_sequence (school_id, prefix, next_value) VALUES (?, ?, ?)")
                        .params(schoolId, prefix, first + 1).update());
                return reference(prefix, first);
            } catch (DuplicateKeyException taken) {
                // Either a concurrent request created this school's counter (the insert waited for it
                // to commit, so it can be taken now), or another new school took this prefix.
                Optional<String> number = take(schoolId);
                if (number.isPresent()) {
                    return number.get();
                }
            }
        }
        throw new IllegalStateException("No visit reference could be made for school " + schoolId);
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

    /** The school id's first three letters, then longer beginnings, then the three letters and a number. */
    private static Stream<String> prefixes(String schoolId) {
        String letters = schoolId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        String base = letters.isEmpty() ? "SCH" : letters.substring(0, Math.min(SHORTEST_PREFIX, letters.length()));
        Stream<String> longer = IntStream.rangeClosed(base.length(), Math.min(LONGEST_PREFIX, letters.length()))
                .mapToObj(length -> letters.substring(0, length));
        return Stream.concat(longer, Stream.iterate(2, n -> n + 1).map(n -> base + n));
    }

    private boolean isFree(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM school_reference_sequence WHERE prefix = ?").param(prefix)
                .query(Long.class).single() == 0;
    }

    private static String reference(String prefix, long number) {
        return "HV-" + prefix + "-" + String.format("%05d", number);
    }
}
