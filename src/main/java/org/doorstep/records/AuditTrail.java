package org.doorstep.records;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Who did what to which record, and when: kept for every change and every read of sensitive notes. */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String subjectType, String subjectId, String detail) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, detail)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(Instant.now()), actor, action, subjectType, subjectId, detail)
                .update();
    }

    public List<AuditEvent> events(String subjectType, String subjectId) {
        return jdbc.sql("""
                SELECT occurred_at, actor, action, subject_type, subject_id, detail FROM audit_event
                WHERE subject_type = ? AND subject_id = ? ORDER BY id""")
                .params(subjectType, subjectId).query(AuditEvent.class).list();
    }

    public record AuditEvent(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
            String detail) {
    }
}
