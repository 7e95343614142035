package org.doorstep.records;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident and near-miss log (Burgh 11: "All incidents/near-misses must be recorded and
 * reviewed"): anyone on a visit, or the office, records one; the school's leaders review each. Every
 * change is audited. It holds what happened to the staff, never safeguarding text about a child.
 */
@Service
public class Incidents {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Incidents(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * @param visitReference the visit it happened on, or null (e.g. on the way to school)
     * @param occurredAt     when it happened; null for now
     * @return the new incident's id
     */
    @Transactional
    public long record(String schoolId, String visitReference, IncidentKind kind, String whatHappened, Instant occurredAt,
            String recordedBy) {
        Instant now = EngineClock.now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident (school_id, visit_reference, kind, what_happened, occurred_at, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(schoolId, visitReference, kind.name(), whatHappened, Timestamp.from(occurredAt == null ? now : occurredAt),
                        recordedBy, Timestamp.from(now))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        audit.record(recordedBy, "INCIDENT_RECORDED", "incident", String.valueOf(id),
                kind.name() + (visitReference == null ? "" : " on " + visitReference));
        return id;
    }

    /** The incidents of these schools, those still to review first, newest first. */
    public List<Incident> of(Set<String> schoolIds) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, school_id, visit_reference, kind, what_happened, occurred_at, recorded_by, recorded_at,
                       reviewed_by, reviewed_at
                FROM incident WHERE school_id IN (:schools)
                ORDER BY CASE WHEN reviewed_at IS NULL THEN 0 ELSE 1 END, occurred_at DESC, id DESC""")
                .param("schools", schoolIds).query(Incident.class).list();
    }

    /** The schools that have any incident: an administrator's list. */
    Set<String> schools() {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT school_id FROM incident").query(String.class).list());
    }

    public Optional<Incident> find(long id) {
        return jdbc.sql("""
                SELECT id, school_id, visit_reference, kind, what_happened, occurred_at, recorded_by, recorded_at,
                       reviewed_by, reviewed_at
                FROM incident WHERE id = ?""").param(id).query(Incident.class).optional();
    }

    /** Records who reviewed it and when; false if someone already had (the first review stands). */
    @Transactional
    public boolean review(long id, String reviewer) {
        int changed = jdbc.sql("UPDATE incident SET reviewed_by = ?, reviewed_at = ? WHERE id = ? AND reviewed_at IS NULL")
                .params(reviewer, Timestamp.from(EngineClock.now()), id).update();
        if (changed == 1) {
            audit.record(reviewer, "INCIDENT_REVIEWED", "incident", String.valueOf(id), null);
        }
        return changed == 1;
    }

    public record Incident(long id, String schoolId, String visitReference, IncidentKind kind, String whatHappened,
            Instant occurredAt, String recordedBy, Instant recordedAt, String reviewedBy, Instant reviewedAt) {

        @JsonProperty
        public String kindLabel() {
            return kind.label();
        }
    }
}
