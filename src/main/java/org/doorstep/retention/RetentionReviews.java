package org.doorstep.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention review: the job lists what is due at a school, a leader confirms, and only then is it
 * destroyed, with an audit entry of kinds and counts (no names, no references: the audit trail outlives
 * what it records).
 */
@Service
class RetentionReviews {

    static final String DESTROYED = "RETENTION_DESTROYED";

    /** A listed review: what was due at the school as of a moment, counted per kind. */
    record Review(long id, String schoolId, Instant asOf, Map<RecordKind, Integer> counts) {

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What a confirmation did: destroyed as listed, or refused because the records due changed. */
    record Outcome(boolean destroyed, Map<RecordKind, Integer> counts) {
    }

    private final JdbcClient jdbc;
    private final DueRecords dueRecords;
    private final AuditTrail audit;

    RetentionReviews(JdbcClient jdbc, DueRecords dueRecords, AuditTrail audit) {
        this.jdbc = jdbc;
        this.dueRecords = dueRecords;
        this.audit = audit;
    }

    /**
     * Lists what is due at the school now (engine clock), replacing a list nobody confirmed; nothing
     * due lists nothing.
     */
    @Transactional
    Optional<Review> list(String schoolId) {
        Instant asOf = EngineClock.now();
        Map<RecordKind, Integer> counts = counts(dueRecords.due(schoolId, asOf));
        jdbc.sql("DELETE FROM retention_review WHERE school_id = ? AND confirmed_at IS NULL").param(schoolId).update();
        if (counts.values().stream().allMatch(count -> count == 0)) {
            return Optional.empty();
        }
        jdbc.sql("INSERT INTO retention_review (school_id, as_of, counts) VALUES (?, ?, ?)")
                .params(schoolId, Timestamp.from(asOf), format(counts)).update();
        return waiting(schoolId);
    }

    /** The list waiting for a leader at the school, if any: the newest, should two nodes have listed at once. */
    Optional<Review> waiting(String schoolId) {
        return jdbc.sql("SELECT id, school_id, as_of, counts FROM retention_review WHERE school_id = ? AND confirmed_at IS NULL "
                + "ORDER BY id DESC")
                .param(schoolId)
                .query((row, n) -> new Review(row.getLong("id"), row.getString("school_id"),
                        row.getTimestamp("as_of").toInstant(), parse(row.getString("counts"))))
                .list().stream().findFirst();
    }

    /** The records behind a listed review, for the leader to see before confirming. */
    Map<RecordKind, List<DueRecords.Due>> records(Review review) {
        return dueRecords.due(review.schoolId(), review.asOf());
    }

    /**
     * Destroys what the review listed. Refused (nothing destroyed) when the records due as of the
     * list's moment are no longer the ones counted: the leader confirms what they saw, nothing else.
     */
    @Transactional
    Outcome confirm(Review review, String leader) {
        Map<RecordKind, List<DueRecords.Due>> due = dueRecords.due(review.schoolId(), review.asOf());
        Map<RecordKind, Integer> counts = counts(due);
        if (!counts.equals(review.counts())) {
            return new Outcome(false, counts);
        }
        dueRecords.destroy(due);
        jdbc.sql("UPDATE retention_review SET confirmed_by = ?, confirmed_at = ? WHERE id = ?")
                .params(leader, Timestamp.from(EngineClock.now()), review.id()).update();
        audit.record(leader, DESTROYED, "school", review.schoolId(), counts.entrySet().stream()
                .filter(count -> count.getValue() > 0)
                .map(count -> count.getKey().label() + ": " + count.getValue())
                .collect(Collectors.joining("; ", "Destroyed after review " + review.id() + ": ", "")));
        return new Outcome(true, counts);
    }

    private static Map<RecordKind, Integer> counts(Map<RecordKind, List<DueRecords.Due>> due) {
        Map<RecordKind, Integer> counts = new EnumMap<>(RecordKind.class);
        Arrays.stream(RecordKind.values()).forEach(kind -> counts.put(kind, due.getOrDefault(kind, List.of()).size()));
        return counts;
    }

    private static String format(Map<RecordKind, Integer> counts) {
        return counts.entrySet().stream().map(count -> count.getKey().name() + "=" + count.getValue())
                .collect(Collectors.joining(";"));
    }

    private static Map<RecordKind, Integer> parse(String counts) {
        Map<RecordKind, Integer> parsed = new EnumMap<>(RecordKind.class);
        Arrays.stream(RecordKind.values()).forEach(kind -> parsed.put(kind, 0));
        for (String count : counts.split(";")) {
            String[] pair = count.split("=");
            parsed.put(RecordKind.valueOf(pair[0]), Integer.parseInt(pair[1]));
        }
        return parsed;
    }
}
